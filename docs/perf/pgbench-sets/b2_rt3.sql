\set i random(1, 1000)
\set e random(0, 3)
\set c random(1, 2000000000)
\startpipeline
BEGIN;
SELECT id, trainer_id, trainee_id, live_seq, status, current_exercise_record_id, timer, trainer_notes, trainee_feedback, end_time FROM training_session_record WHERE id = ('00000000-0000-0000-0002-' || lpad(:i::text,12,'0'))::uuid FOR UPDATE;
SELECT seq FROM live_session_event WHERE session_record_id = ('00000000-0000-0000-0002-' || lpad(:i::text,12,'0'))::uuid AND command_id = 'cmd' || :c;
SELECT 1 FROM live_session_event WHERE session_record_id = ('00000000-0000-0000-0002-' || lpad(:i::text,12,'0'))::uuid AND name = 'set-logged' AND payload #>> '{set,id}' = 'set' || :c LIMIT 1;
SELECT e.*, (SELECT count(*) FROM exercise_set s WHERE s.exercise_record_id = e.id) FROM exercise_record e WHERE id = ('00000000-0000-0000-0003-' || lpad((:i*10+:e)::text,12,'0'))::uuid;
\endpipeline
\startpipeline
INSERT INTO exercise_set VALUES (('00000000-0000-0000-0003-' || lpad((:i*10+:e)::text,12,'0'))::uuid, 'set' || :c, 23, mkset(23)::text::jsonb);
UPDATE exercise_record SET started_at = coalesce(started_at, now()), version = version + 1, updated_at = now() WHERE id = ('00000000-0000-0000-0003-' || lpad((:i*10+:e)::text,12,'0'))::uuid AND version = version;
WITH event AS (INSERT INTO live_session_event (session_record_id, seq, command_id, actor_role, actor_id, name, payload, created_at) SELECT id, live_seq + 1, 'cmd' || :c, 'trainer', trainer_id, 'set-logged', jsonb_build_object('exerciseRecordId', '00000000-0000-0000-0003-000000000001', 'set', mkset(5) || jsonb_build_object('id', 'set' || :c), 'currentExerciseRecordId', '00000000-0000-0000-0003-000000000001'), now() FROM training_session_record WHERE id = ('00000000-0000-0000-0002-' || lpad(:i::text,12,'0'))::uuid)
UPDATE training_session_record SET live_seq = live_seq + 1, version = version + 1, updated_at = now() WHERE id = ('00000000-0000-0000-0002-' || lpad(:i::text,12,'0'))::uuid;
\endpipeline
COMMIT;
