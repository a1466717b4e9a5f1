INSERT INTO trainer (id, email, hashed_password, name) VALUES ('00000000-0000-0000-0000-000000000001','a@b.c','x','T');
INSERT INTO trainee (id, trainer_id, name) SELECT ('00000000-0000-0000-0001-' || lpad(i::text,12,'0'))::uuid, '00000000-0000-0000-0000-000000000001', 'n'||i FROM generate_series(1,1000) i;
INSERT INTO training_session_record (id, trainee_id, trainer_id, session_date, status, is_live, start_time)
 SELECT ('00000000-0000-0000-0002-' || lpad(i::text,12,'0'))::uuid, ('00000000-0000-0000-0001-' || lpad(i::text,12,'0'))::uuid, '00000000-0000-0000-0000-000000000001', current_date, 'live', true, now() FROM generate_series(1,1000) i;
CREATE FUNCTION mkset(n int) RETURNS jsonb LANGUAGE sql AS $$
 SELECT jsonb_build_object('id', gen_random_uuid()::text, 'number', n, 'kind', 'working', 'reps', 8, 'weight', 77.5, 'unit', 'kg',
   'completedAt', '2026-12-03T12:00:00.123Z', 'loggedBy', jsonb_build_object('role','trainer','id','00000000-0000-0000-0000-000000000001')) $$;
INSERT INTO exercise_record (id, session_record_id, exercise_name, order_index, sets, target_sets, target_reps)
 SELECT ('00000000-0000-0000-0003-' || lpad((i*10+e)::text,12,'0'))::uuid, ('00000000-0000-0000-0002-' || lpad(i::text,12,'0'))::uuid,
   'Squat', e, (SELECT jsonb_agg(mkset(k)) FROM generate_series(1, :nsets) k), 4, 8
 FROM generate_series(1,1000) i, generate_series(0,3) e;
CREATE TABLE exercise_set (exercise_record_id uuid NOT NULL REFERENCES exercise_record (id) ON DELETE CASCADE,
  id text NOT NULL, number int NOT NULL, body jsonb NOT NULL, PRIMARY KEY (exercise_record_id, id));
INSERT INTO exercise_set SELECT e.id, s->>'id', (s->>'number')::int, s FROM exercise_record e, jsonb_array_elements(e.sets) s;
VACUUM ANALYZE;
