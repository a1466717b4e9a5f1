-- An exercise's identity for history and records (contract v2): its exerciseId when set, else its
-- name trimmed and compared case-insensitively. Every query that matches exercises across sessions
-- calls this one function. The prefixes keep an id apart from a name that happens to read the same.
CREATE FUNCTION exercise_identity(exercise_id text, exercise_name text) RETURNS text
    LANGUAGE sql IMMUTABLE PARALLEL SAFE
    AS $$ SELECT coalesce('id:' || exercise_id, 'name:' || lower(btrim(exercise_name, E' \t\r\n'))) $$;
