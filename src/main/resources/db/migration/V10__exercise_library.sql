-- The exercise library: the shipped entries (trainer_id null, loaded by V10.1 from
-- classpath:exercises/exercises.json) and each trainer's custom exercises, in one table so that an
-- exercise template or record names either by one exerciseId. docs/exercises.md explains the search.
-- The three extensions are contrib modules that non-superusers may create (trusted since Postgres 13).
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;
CREATE EXTENSION IF NOT EXISTS fuzzystrmatch;

-- A name as search compares it: lower case, accents removed. unaccent(text) is only STABLE (it finds
-- its dictionary through search_path); naming the dictionary makes the result depend on the input
-- alone, so it may be stored and indexed. Schema-qualified so a restore with an empty search_path works.
CREATE FUNCTION exercise_search_text(text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT lower(public.unaccent('public.unaccent'::regdictionary, $1)) $$;

-- The words of a name as search compares them ("3/4 Sit-Up" -> {3, 4, sit, up}).
CREATE FUNCTION exercise_search_words(text) RETURNS text[]
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    AS $$ SELECT array_remove(regexp_split_to_array(public.exercise_search_text($1), '[^a-z0-9]+'), '') $$;

CREATE TABLE exercise (
    -- A library entry's slug as the data set gives it (Barbell_Full_Squat); a custom one's a UUID.
    id                text        PRIMARY KEY CHECK (length(id) BETWEEN 1 AND 100),
    -- null: a library entry, read-only and visible to everyone.
    trainer_id        uuid        REFERENCES trainer (id) ON DELETE CASCADE,
    name              text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    category          text        NOT NULL CHECK (length(category) BETWEEN 1 AND 50),
    equipment         text        CHECK (length(equipment) BETWEEN 1 AND 50),
    level             text        CHECK (length(level) BETWEEN 1 AND 50),
    force             text        CHECK (length(force) BETWEEN 1 AND 50),
    mechanic          text        CHECK (length(mechanic) BETWEEN 1 AND 50),
    primary_muscles   jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(primary_muscles) = 'array'),
    secondary_muscles jsonb       NOT NULL DEFAULT '[]' CHECK (jsonb_typeof(secondary_muscles) = 'array'),
    search_name       text        NOT NULL GENERATED ALWAYS AS (public.exercise_search_text(name)) STORED,
    search_words      text[]      NOT NULL GENERATED ALWAYS AS (public.exercise_search_words(name)) STORED,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now(),
    version           integer     NOT NULL DEFAULT 1
);
-- Substring and similarity matches on the normalized name.
CREATE INDEX exercise_search_name ON exercise USING gin (search_name gin_trgm_ops);
-- A trainer's custom names are unique for that trainer, compared as search compares them.
CREATE UNIQUE INDEX exercise_custom_name ON exercise (trainer_id, search_name) WHERE trainer_id IS NOT NULL;

-- A deleted custom exercise leaves its templates and records with their name only.
ALTER TABLE exercise_template ADD CONSTRAINT exercise_template_exercise
    FOREIGN KEY (exercise_id) REFERENCES exercise (id) ON DELETE SET NULL;
ALTER TABLE exercise_record ADD CONSTRAINT exercise_record_exercise
    FOREIGN KEY (exercise_id) REFERENCES exercise (id) ON DELETE SET NULL;
CREATE INDEX exercise_template_exercise_id ON exercise_template (exercise_id) WHERE exercise_id IS NOT NULL;
CREATE INDEX exercise_record_exercise_id ON exercise_record (exercise_id) WHERE exercise_id IS NOT NULL;
