-- Spotter schema: the seed ERD plus what the architecture brief adds
-- (row versions, record status and live sequence, the live event log, token tables).
-- Every mutable table carries `version` for optimistic concurrency (ETag / If-Match).

CREATE TABLE trainer (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    email           text        NOT NULL CHECK (length(email) BETWEEN 3 AND 254),
    hashed_password text        NOT NULL,
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    phone           text        CHECK (length(phone) <= 50),
    address         text        CHECK (length(address) <= 500),
    is_active       boolean     NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    version         integer     NOT NULL DEFAULT 1
);
-- Emails compare case-insensitively.
CREATE UNIQUE INDEX trainer_email_key ON trainer (lower(email));

CREATE TABLE trainee (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    trainer_id          uuid        NOT NULL REFERENCES trainer (id) ON DELETE CASCADE,
    name                text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email               text        CHECK (length(email) <= 254),
    phone               text        CHECK (length(phone) <= 50),
    date_of_birth       date,
    gender              text        CHECK (gender IN ('female', 'male', 'other', 'unspecified')),
    address             text        CHECK (length(address) <= 500),
    emergency_contact   text        CHECK (length(emergency_contact) <= 500),
    height              numeric(5, 1) CHECK (height BETWEEN 50 AND 300),
    current_weight      numeric(6, 2) CHECK (current_weight BETWEEN 1 AND 700),
    body_fat_percentage numeric(5, 2) CHECK (body_fat_percentage BETWEEN 0 AND 100),
    resting_heart_rate  integer     CHECK (resting_heart_rate BETWEEN 20 AND 250),
    fitness_level       text        CHECK (fitness_level IN ('beginner', 'intermediate', 'advanced', 'athlete')),
    goals               jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(goals) = 'array'),
    injuries            jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(injuries) = 'array'),
    medical_notes       text        CHECK (length(medical_notes) <= 10000),
    measurement_history jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(measurement_history) = 'array'),
    progress_photos     jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(progress_photos) = 'array'),
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    version             integer     NOT NULL DEFAULT 1
);
CREATE INDEX trainee_by_trainer_name ON trainee (trainer_id, lower(name), id);

CREATE TABLE session_template (
    id               uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    trainer_id       uuid        NOT NULL REFERENCES trainer (id) ON DELETE CASCADE,
    name             text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description      text        CHECK (length(description) <= 10000),
    category         text        CHECK (length(category) <= 100),
    difficulty       text        CHECK (difficulty IN ('beginner', 'intermediate', 'advanced', 'athlete')),
    duration_minutes integer     CHECK (duration_minutes BETWEEN 1 AND 1440),
    equipment_needed jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(equipment_needed) = 'array'),
    notes            text        CHECK (length(notes) <= 10000),
    is_default       boolean     NOT NULL DEFAULT false,
    created_at       timestamptz NOT NULL DEFAULT now(),
    updated_at       timestamptz NOT NULL DEFAULT now(),
    version          integer     NOT NULL DEFAULT 1
);
CREATE INDEX session_template_by_trainer_name ON session_template (trainer_id, lower(name), id);

CREATE TABLE exercise_template (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    session_template_id  uuid        NOT NULL REFERENCES session_template (id) ON DELETE CASCADE,
    exercise_name        text        NOT NULL CHECK (length(exercise_name) BETWEEN 1 AND 200),
    exercise_description text        CHECK (length(exercise_description) <= 10000),
    category             text        CHECK (length(category) <= 100),
    muscle_groups        jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(muscle_groups) = 'array'),
    difficulty           text        CHECK (difficulty IN ('beginner', 'intermediate', 'advanced', 'athlete')),
    equipment            jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(equipment) = 'array'),
    order_index          integer     NOT NULL CHECK (order_index BETWEEN 0 AND 10000),
    target_sets          integer     CHECK (target_sets BETWEEN 0 AND 100),
    target_reps          integer     CHECK (target_reps BETWEEN 0 AND 1000),
    target_weight        numeric(7, 2) CHECK (target_weight BETWEEN 0 AND 2000),
    rest_between_sets    integer     CHECK (rest_between_sets BETWEEN 0 AND 86400),
    instructions         text        CHECK (length(instructions) <= 10000),
    tips                 text        CHECK (length(tips) <= 10000),
    notes                text        CHECK (length(notes) <= 10000),
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    version              integer     NOT NULL DEFAULT 1,
    -- Deferred so a reorder can swap positions inside one transaction.
    CONSTRAINT exercise_template_position UNIQUE (session_template_id, order_index) DEFERRABLE INITIALLY DEFERRED
);

CREATE TABLE program (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    trainer_id     uuid        NOT NULL REFERENCES trainer (id) ON DELETE CASCADE,
    name           text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description    text        CHECK (length(description) <= 10000),
    difficulty     text        CHECK (difficulty IN ('beginner', 'intermediate', 'advanced', 'athlete')),
    duration_weeks integer     CHECK (duration_weeks BETWEEN 1 AND 520),
    goals          jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(goals) = 'array'),
    created_at     timestamptz NOT NULL DEFAULT now(),
    updated_at     timestamptz NOT NULL DEFAULT now(),
    version        integer     NOT NULL DEFAULT 1
);
CREATE INDEX program_by_trainer_name ON program (trainer_id, lower(name), id);

CREATE TABLE training_session (
    id                  uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    program_id          uuid        NOT NULL REFERENCES program (id) ON DELETE CASCADE,
    session_template_id uuid        REFERENCES session_template (id) ON DELETE SET NULL,
    trainer_id          uuid        NOT NULL REFERENCES trainer (id) ON DELETE CASCADE,
    -- ERD gap: "TRAINEE assigned_to TRAINING_SESSION" had no column.
    trainee_id          uuid        REFERENCES trainee (id) ON DELETE SET NULL,
    name                text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    description         text        CHECK (length(description) <= 10000),
    session_type        text        CHECK (length(session_type) <= 100),
    focus_area          text        CHECK (length(focus_area) <= 100),
    estimated_duration  integer     CHECK (estimated_duration BETWEEN 1 AND 1440),
    warmup              jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(warmup) = 'array'),
    cooldown            jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(cooldown) = 'array'),
    week_number         integer     CHECK (week_number BETWEEN 1 AND 520),
    session_number      integer     CHECK (session_number BETWEEN 1 AND 100),
    created_at          timestamptz NOT NULL DEFAULT now(),
    updated_at          timestamptz NOT NULL DEFAULT now(),
    version             integer     NOT NULL DEFAULT 1
);
CREATE INDEX training_session_by_program ON training_session (program_id, week_number, session_number, id);
CREATE INDEX training_session_by_trainee ON training_session (trainee_id) WHERE trainee_id IS NOT NULL;
CREATE INDEX training_session_by_template ON training_session (session_template_id) WHERE session_template_id IS NOT NULL;

CREATE TABLE training_session_record (
    id                         uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    training_session_id        uuid        REFERENCES training_session (id) ON DELETE SET NULL,
    trainee_id                 uuid        NOT NULL REFERENCES trainee (id) ON DELETE CASCADE,
    trainer_id                 uuid        NOT NULL REFERENCES trainer (id) ON DELETE CASCADE,
    session_date               date        NOT NULL,
    start_time                 timestamptz,
    end_time                   timestamptz,
    location                   text        CHECK (length(location) <= 200),
    completed                  boolean     NOT NULL DEFAULT false,
    is_live                    boolean     NOT NULL DEFAULT false,
    status                     text        NOT NULL DEFAULT 'scheduled'
                                           CHECK (status IN ('scheduled', 'live', 'completed', 'abandoned')),
    trainer_notes              text        CHECK (length(trainer_notes) <= 100000),
    trainee_feedback           jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(trainee_feedback) = 'object'),
    session_metadata           jsonb       NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(session_metadata) = 'object'),
    -- Live state: the last event's seq (handed out under the row lock), the current exercise, the timer.
    live_seq                   bigint      NOT NULL DEFAULT 0,
    current_exercise_record_id uuid,
    timer                      jsonb,
    created_at                 timestamptz NOT NULL DEFAULT now(),
    updated_at                 timestamptz NOT NULL DEFAULT now(),
    version                    integer     NOT NULL DEFAULT 1,
    CONSTRAINT record_live_flag CHECK (is_live = (status = 'live')),
    CONSTRAINT record_completed_flag CHECK (completed = (status = 'completed')),
    CONSTRAINT record_time_order CHECK (end_time IS NULL OR start_time IS NULL OR end_time >= start_time)
);
CREATE INDEX record_by_trainer_date ON training_session_record (trainer_id, session_date DESC, id DESC);
CREATE INDEX record_by_trainee_date ON training_session_record (trainee_id, session_date DESC, id DESC);
CREATE INDEX record_by_training_session ON training_session_record (training_session_id) WHERE training_session_id IS NOT NULL;
-- A trainee has at most one live session at a time.
CREATE UNIQUE INDEX record_one_live_per_trainee ON training_session_record (trainee_id) WHERE status = 'live';
CREATE INDEX record_live_by_trainer ON training_session_record (trainer_id) WHERE status = 'live';

CREATE TABLE exercise_record (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    session_record_id    uuid        NOT NULL REFERENCES training_session_record (id) ON DELETE CASCADE,
    exercise_template_id uuid        REFERENCES exercise_template (id) ON DELETE SET NULL,
    exercise_name        text        NOT NULL CHECK (length(exercise_name) BETWEEN 1 AND 200),
    exercise_description text        CHECK (length(exercise_description) <= 10000),
    category             text        CHECK (length(category) <= 100),
    muscle_groups        jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(muscle_groups) = 'array'),
    difficulty           text        CHECK (difficulty IN ('beginner', 'intermediate', 'advanced', 'athlete')),
    equipment            jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(equipment) = 'array'),
    order_index          integer     NOT NULL CHECK (order_index BETWEEN 0 AND 10000),
    sets                 jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(sets) = 'array'),
    notes                text        CHECK (length(notes) <= 10000),
    perceived_exertion   integer     CHECK (perceived_exertion BETWEEN 1 AND 10),
    form_rating          integer     CHECK (form_rating BETWEEN 1 AND 5),
    completed            boolean     NOT NULL DEFAULT false,
    skipped              boolean     NOT NULL DEFAULT false,
    skip_reason          text        CHECK (length(skip_reason) <= 1000),
    modification_notes   text        CHECK (length(modification_notes) <= 10000),
    -- Targets copied from the exercise template when a session starts, so later template edits don't rewrite history.
    target_sets          integer     CHECK (target_sets BETWEEN 0 AND 100),
    target_reps          integer     CHECK (target_reps BETWEEN 0 AND 1000),
    target_weight        numeric(7, 2) CHECK (target_weight BETWEEN 0 AND 2000),
    rest_between_sets    integer     CHECK (rest_between_sets BETWEEN 0 AND 86400),
    started_at           timestamptz,
    completed_at         timestamptz,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    version              integer     NOT NULL DEFAULT 1
);
CREATE INDEX exercise_record_by_session ON exercise_record (session_record_id, order_index, id);
CREATE INDEX exercise_record_by_template ON exercise_record (exercise_template_id) WHERE exercise_template_id IS NOT NULL;

-- One row per accepted live command: the durable log live state can always be rebuilt from.
CREATE TABLE live_session_event (
    session_record_id uuid        NOT NULL REFERENCES training_session_record (id) ON DELETE CASCADE,
    seq               bigint      NOT NULL CHECK (seq >= 1),
    command_id        text        CHECK (length(command_id) <= 100),
    actor_role        text        NOT NULL CHECK (actor_role IN ('trainer', 'trainee', 'display', 'server')),
    actor_id          uuid,
    name              text        NOT NULL,
    payload           jsonb       NOT NULL DEFAULT '{}',
    created_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (session_record_id, seq),
    CONSTRAINT live_event_command_once UNIQUE (session_record_id, command_id)
);

-- Opaque secrets are stored as SHA-256 hashes only.
CREATE TABLE refresh_token (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    trainer_id  uuid        NOT NULL REFERENCES trainer (id) ON DELETE CASCADE,
    family_id   uuid        NOT NULL,
    token_hash  bytea       NOT NULL UNIQUE,
    expires_at  timestamptz NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now(),
    used_at     timestamptz,
    revoked_at  timestamptz
);
CREATE INDEX refresh_token_by_family ON refresh_token (family_id);
CREATE INDEX refresh_token_by_trainer ON refresh_token (trainer_id);

CREATE TABLE trainee_access_link (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    trainee_id   uuid        NOT NULL REFERENCES trainee (id) ON DELETE CASCADE,
    trainer_id   uuid        NOT NULL REFERENCES trainer (id) ON DELETE CASCADE,
    token_hash   bytea       NOT NULL UNIQUE,
    label        text        CHECK (length(label) <= 100),
    expires_at   timestamptz NOT NULL,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX access_link_by_trainee ON trainee_access_link (trainee_id, created_at DESC);

CREATE TABLE display (
    id           uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    trainer_id   uuid        NOT NULL REFERENCES trainer (id) ON DELETE CASCADE,
    name         text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    location     text        CHECK (length(location) <= 200),
    token_hash   bytea       NOT NULL UNIQUE,
    created_at   timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz,
    revoked_at   timestamptz
);
CREATE INDEX display_by_trainer ON display (trainer_id, created_at DESC);
