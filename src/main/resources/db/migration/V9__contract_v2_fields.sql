-- Contract v2 fields that several features share. Each is exposed by the code of its feature.
-- exercise_id: the library or custom exercise an exercise template or record is (null: a free name).
-- superset_group: a short label; consecutive exercises with one label form a superset.
ALTER TABLE exercise_template
    ADD COLUMN exercise_id    text CHECK (length(exercise_id) BETWEEN 1 AND 100),
    ADD COLUMN superset_group text CHECK (length(superset_group) BETWEEN 1 AND 10);
ALTER TABLE exercise_record
    ADD COLUMN exercise_id    text CHECK (length(exercise_id) BETWEEN 1 AND 100),
    ADD COLUMN superset_group text CHECK (length(superset_group) BETWEEN 1 AND 10);

-- The trainer's unit for every screen, the load increment suggestions round to (null: 2.5 kg or
-- 5 lb by unit) and the time zone weeks and days are counted in.
ALTER TABLE trainer
    ADD COLUMN unit           text NOT NULL DEFAULT 'kg' CHECK (unit IN ('kg', 'lb')),
    ADD COLUMN load_increment numeric(6, 2) CHECK (load_increment > 0 AND load_increment <= 100),
    ADD COLUMN time_zone      text NOT NULL DEFAULT 'UTC' CHECK (length(time_zone) BETWEEN 1 AND 64);

-- An archived trainee is hidden from lists and pickers, data kept; null = active.
ALTER TABLE trainee ADD COLUMN archived_at timestamptz;
