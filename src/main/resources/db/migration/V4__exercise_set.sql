-- An exercise record's sets move from its `sets` jsonb array to a row each. The API still shows them
-- as the exercise's `sets` array, read in `position` order. Logging a live set now inserts one small
-- row; it used to rewrite and recompress the whole array, a cost that grew with every set (pgbench
-- with a log-set's statements at 22 sets an exercise, 16 clients: 15-25 % more commits a second).
-- V3's fillfactor was for rows growing with their sets; it stays, for the HOT update of the version
-- that every set still makes.
CREATE TABLE exercise_set (
    exercise_record_id uuid    NOT NULL REFERENCES exercise_record (id) ON DELETE CASCADE,
    -- Client-made, unique within the exercise record (the contract's Set.id).
    id                 text    NOT NULL CHECK (length(id) BETWEEN 1 AND 64),
    -- The set's place in the array, 1..n (kept dense by the writes). Set.number is the client's and may differ.
    position           integer NOT NULL CHECK (position >= 1),
    -- The set as the API shows it.
    body               jsonb   NOT NULL CHECK (jsonb_typeof(body) = 'object'),
    PRIMARY KEY (exercise_record_id, id)
);

INSERT INTO exercise_set (exercise_record_id, id, position, body)
SELECT e.id, s.item ->> 'id', s.position, s.item
FROM exercise_record e, jsonb_array_elements(e.sets) WITH ORDINALITY AS s(item, position);

ALTER TABLE exercise_record DROP COLUMN sets;
