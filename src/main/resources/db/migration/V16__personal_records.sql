-- Personal records (contract v2 "Records"), kept as sets are logged instead of found by scanning
-- history: per trainee and exercise identity (V13) the best e1RM and the rep maxes, in kg (float8, so
-- the server's exact conversions compare equal), and the log of which set set which record. The
-- code that folds sets into records (ExerciseRecords) fills both; V16_1 runs it over the history.
CREATE TABLE personal_record (
    trainee_id uuid   NOT NULL REFERENCES trainee (id) ON DELETE CASCADE,
    identity   text   NOT NULL,
    e1rm_kg    float8,
    -- [{reps, kg}], reps ascending: the sets no other beats on both reps and weight.
    rep_maxes  jsonb  NOT NULL CHECK (jsonb_typeof(rep_maxes) = 'array'),
    PRIMARY KEY (trainee_id, identity)
);

-- One row per record a set set. previous is null for a baseline (nothing to beat yet), which is
-- kept, for "best before this session", but never shown as a record. The set's numbers are copied
-- (weight and e1RM in kg) so that summaries read the log alone; a change to the set rewrites them.
-- No foreign keys to sets or sessions: a change of history recomputes the exercise's rows instead.
CREATE TABLE personal_record_log (
    id                 bigserial PRIMARY KEY,
    trainee_id         uuid   NOT NULL REFERENCES trainee (id) ON DELETE CASCADE,
    identity           text   NOT NULL,
    kind               text   NOT NULL CHECK (kind IN ('e1rm', 'weight', 'reps')),
    value              float8 NOT NULL,
    previous           float8,
    session_record_id  uuid   NOT NULL,
    session_date       date   NOT NULL,
    exercise_record_id uuid   NOT NULL,
    exercise_name      text   NOT NULL,
    set_id             text   NOT NULL,
    reps               integer NOT NULL,
    weight_kg          float8 NOT NULL,
    e1rm_kg            float8,
    rpe                float8
);
CREATE INDEX personal_record_log_by_exercise ON personal_record_log (trainee_id, identity, kind, value DESC);
CREATE INDEX personal_record_log_by_session ON personal_record_log (session_record_id, id);
CREATE INDEX personal_record_log_by_set ON personal_record_log (exercise_record_id, set_id);
