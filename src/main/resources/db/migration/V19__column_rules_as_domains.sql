-- The one-column rules of the tables a live command updates (exercise_record, training_session_record)
-- move from CHECK constraints to domains, and exercise_template, whose exercises are copied into
-- exercise_record, takes the same domains so each rule is written once.
--
-- Why: Postgres parses and compiles every CHECK of a table at each statement that inserts into or
-- updates it, whatever columns the statement writes. A logged set bumps its exercise record's
-- version, so every live event statement paid for exercise_record's 19 checks and the session's 8:
-- 14.6 % of Postgres's CPU under 1,000 live sessions (perf, docs/perf/history.md). A domain's check
-- runs only where a value is assigned to a column of that type, from a definition Postgres caches.
-- The rules themselves are unchanged. Statements that bind a parameter to such a column cast it to
-- the base type (TableMapping does), since Postgres otherwise types the parameter as the domain.
CREATE DOMAIN name_text AS text CHECK (length(VALUE) BETWEEN 1 AND 200);
CREATE DOMAIN long_text AS text CHECK (length(VALUE) <= 10000);
CREATE DOMAIN short_text AS text CHECK (length(VALUE) <= 100);
CREATE DOMAIN place_text AS text CHECK (length(VALUE) <= 200);
CREATE DOMAIN reason_text AS text CHECK (length(VALUE) <= 1000);
CREATE DOMAIN notes_text AS text CHECK (length(VALUE) <= 100000);
CREATE DOMAIN json_list AS jsonb CHECK (jsonb_typeof(VALUE) = 'array');
CREATE DOMAIN json_object AS jsonb CHECK (jsonb_typeof(VALUE) = 'object');
CREATE DOMAIN difficulty_level AS text CHECK (VALUE IN ('beginner', 'intermediate', 'advanced', 'athlete'));
CREATE DOMAIN session_status AS text CHECK (VALUE IN ('scheduled', 'live', 'completed', 'abandoned'));
CREATE DOMAIN order_position AS integer CHECK (VALUE BETWEEN 0 AND 10000);
CREATE DOMAIN set_target AS integer CHECK (VALUE BETWEEN 0 AND 100);
CREATE DOMAIN rep_target AS integer CHECK (VALUE BETWEEN 0 AND 1000);
CREATE DOMAIN weight_target AS numeric(7, 2) CHECK (VALUE BETWEEN 0 AND 2000);
CREATE DOMAIN rest_seconds AS integer CHECK (VALUE BETWEEN 0 AND 86400);
CREATE DOMAIN exertion_score AS integer CHECK (VALUE BETWEEN 1 AND 10);
CREATE DOMAIN form_score AS integer CHECK (VALUE BETWEEN 1 AND 5);
CREATE DOMAIN library_exercise_id AS text CHECK (length(VALUE) BETWEEN 1 AND 100);
CREATE DOMAIN superset_label AS text CHECK (length(VALUE) BETWEEN 1 AND 10);
CREATE DOMAIN rpe_target AS numeric(3, 1) CHECK (VALUE BETWEEN 6 AND 10 AND VALUE * 2 = trunc(VALUE * 2));

ALTER TABLE exercise_record
    DROP CONSTRAINT exercise_record_exercise_name_check,
    DROP CONSTRAINT exercise_record_exercise_description_check,
    DROP CONSTRAINT exercise_record_category_check,
    DROP CONSTRAINT exercise_record_muscle_groups_check,
    DROP CONSTRAINT exercise_record_difficulty_check,
    DROP CONSTRAINT exercise_record_equipment_check,
    DROP CONSTRAINT exercise_record_order_index_check,
    DROP CONSTRAINT exercise_record_notes_check,
    DROP CONSTRAINT exercise_record_perceived_exertion_check,
    DROP CONSTRAINT exercise_record_form_rating_check,
    DROP CONSTRAINT exercise_record_skip_reason_check,
    DROP CONSTRAINT exercise_record_modification_notes_check,
    DROP CONSTRAINT exercise_record_target_sets_check,
    DROP CONSTRAINT exercise_record_target_reps_check,
    DROP CONSTRAINT exercise_record_target_weight_check,
    DROP CONSTRAINT exercise_record_rest_between_sets_check,
    DROP CONSTRAINT exercise_record_exercise_id_check,
    DROP CONSTRAINT exercise_record_superset_group_check,
    DROP CONSTRAINT exercise_record_target_rpe_check,
    ALTER COLUMN exercise_name TYPE name_text,
    ALTER COLUMN exercise_description TYPE long_text,
    ALTER COLUMN category TYPE short_text,
    ALTER COLUMN muscle_groups TYPE json_list,
    ALTER COLUMN difficulty TYPE difficulty_level,
    ALTER COLUMN equipment TYPE json_list,
    ALTER COLUMN order_index TYPE order_position,
    ALTER COLUMN notes TYPE long_text,
    ALTER COLUMN perceived_exertion TYPE exertion_score,
    ALTER COLUMN form_rating TYPE form_score,
    ALTER COLUMN skip_reason TYPE reason_text,
    ALTER COLUMN modification_notes TYPE long_text,
    ALTER COLUMN target_sets TYPE set_target,
    ALTER COLUMN target_reps TYPE rep_target,
    ALTER COLUMN target_weight TYPE weight_target,
    ALTER COLUMN rest_between_sets TYPE rest_seconds,
    ALTER COLUMN exercise_id TYPE library_exercise_id,
    ALTER COLUMN superset_group TYPE superset_label,
    ALTER COLUMN target_rpe TYPE rpe_target;

ALTER TABLE exercise_template
    DROP CONSTRAINT exercise_template_exercise_name_check,
    DROP CONSTRAINT exercise_template_exercise_description_check,
    DROP CONSTRAINT exercise_template_category_check,
    DROP CONSTRAINT exercise_template_muscle_groups_check,
    DROP CONSTRAINT exercise_template_difficulty_check,
    DROP CONSTRAINT exercise_template_equipment_check,
    DROP CONSTRAINT exercise_template_order_index_check,
    DROP CONSTRAINT exercise_template_target_sets_check,
    DROP CONSTRAINT exercise_template_target_reps_check,
    DROP CONSTRAINT exercise_template_target_weight_check,
    DROP CONSTRAINT exercise_template_rest_between_sets_check,
    DROP CONSTRAINT exercise_template_instructions_check,
    DROP CONSTRAINT exercise_template_tips_check,
    DROP CONSTRAINT exercise_template_notes_check,
    DROP CONSTRAINT exercise_template_exercise_id_check,
    DROP CONSTRAINT exercise_template_superset_group_check,
    DROP CONSTRAINT exercise_template_target_rpe_check,
    ALTER COLUMN exercise_name TYPE name_text,
    ALTER COLUMN exercise_description TYPE long_text,
    ALTER COLUMN category TYPE short_text,
    ALTER COLUMN muscle_groups TYPE json_list,
    ALTER COLUMN difficulty TYPE difficulty_level,
    ALTER COLUMN equipment TYPE json_list,
    ALTER COLUMN order_index TYPE order_position,
    ALTER COLUMN target_sets TYPE set_target,
    ALTER COLUMN target_reps TYPE rep_target,
    ALTER COLUMN target_weight TYPE weight_target,
    ALTER COLUMN rest_between_sets TYPE rest_seconds,
    ALTER COLUMN instructions TYPE long_text,
    ALTER COLUMN tips TYPE long_text,
    ALTER COLUMN notes TYPE long_text,
    ALTER COLUMN exercise_id TYPE library_exercise_id,
    ALTER COLUMN superset_group TYPE superset_label,
    ALTER COLUMN target_rpe TYPE rpe_target;

-- The rules across columns (the live and completed flags, end after start) stay CHECKs.
ALTER TABLE training_session_record
    DROP CONSTRAINT training_session_record_location_check,
    DROP CONSTRAINT training_session_record_status_check,
    DROP CONSTRAINT training_session_record_trainer_notes_check,
    DROP CONSTRAINT training_session_record_trainee_feedback_check,
    DROP CONSTRAINT training_session_record_session_metadata_check,
    ALTER COLUMN location TYPE place_text,
    ALTER COLUMN status TYPE session_status,
    ALTER COLUMN trainer_notes TYPE notes_text,
    ALTER COLUMN trainee_feedback TYPE json_object,
    ALTER COLUMN session_metadata TYPE json_object;
