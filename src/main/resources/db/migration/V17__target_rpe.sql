-- The RPE an exercise's working sets aim at (6 to 10 in halves): with targetReps it sets the
-- suggested load (docs/coaching.md). Copied from the exercise template at live start.
ALTER TABLE exercise_template
    ADD COLUMN target_rpe numeric(3, 1) CHECK (target_rpe BETWEEN 6 AND 10 AND target_rpe * 2 = trunc(target_rpe * 2));
ALTER TABLE exercise_record
    ADD COLUMN target_rpe numeric(3, 1) CHECK (target_rpe BETWEEN 6 AND 10 AND target_rpe * 2 = trunc(target_rpe * 2));
