INSERT INTO trainer (id, email, hashed_password, name) VALUES ('00000000-0000-0000-0000-000000000001','a@b.c','x','T');
INSERT INTO trainee (id, trainer_id, name) SELECT ('00000000-0000-0000-0001-' || lpad(i::text,12,'0'))::uuid, '00000000-0000-0000-0000-000000000001', 'n'||i FROM generate_series(1,1000) i;
INSERT INTO training_session_record (id, trainee_id, trainer_id, session_date, status, is_live, start_time, timer)
 SELECT ('00000000-0000-0000-0002-' || lpad(i::text,12,'0'))::uuid, ('00000000-0000-0000-0001-' || lpad(i::text,12,'0'))::uuid, '00000000-0000-0000-0000-000000000001', current_date, 'live', true, now(), '{"running":false}' FROM generate_series(1,1000) i;
INSERT INTO exercise_record (id, session_record_id, exercise_name, order_index, target_sets, target_reps)
 SELECT ('00000000-0000-0000-0003-' || lpad((i*10+e)::text,12,'0'))::uuid, ('00000000-0000-0000-0002-' || lpad(i::text,12,'0'))::uuid, 'Squat', e, 4, 8
 FROM generate_series(1,1000) i, generate_series(0,3) e;
INSERT INTO exercise_set SELECT ('00000000-0000-0000-0003-' || lpad((i*10+e)::text,12,'0'))::uuid, 'seed' || k, k,
  jsonb_build_object('id', 'seed' || k, 'number', k, 'kind', 'working', 'reps', 8, 'weight', 77.5, 'unit', 'kg', 'completedAt', '2026-12-03T12:00:00.123Z', 'loggedBy', jsonb_build_object('role','trainer','id','00000000-0000-0000-0000-000000000001'))
 FROM generate_series(1,1000) i, generate_series(0,3) e, generate_series(1,10) k;
VACUUM ANALYZE;
