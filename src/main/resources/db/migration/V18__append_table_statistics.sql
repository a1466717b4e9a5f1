-- The tables that grow by a row at every live set (the event log, the sets, the records' log) are
-- read only by key: their statistics need not be fine. At the default target (100) autovacuum's
-- ANALYZE samples 30,000 rows of each and sorts every column's values, jsonb included: 0.5 s of a
-- core for live_session_event, 0.2 s each for the other two, at every autovacuum round under load
-- (a round stalled a second's commands in the load test: docs/performance.md). At 10 it samples
-- 3,000 rows, about a tenth of the work. Every column, because the sample follows the largest target;
-- a column added to these tables later needs the same (MigrationTest checks it).
DO $$
DECLARE
  c record;
BEGIN
  FOR c IN SELECT attrelid::regclass AS tab, attname FROM pg_attribute
      WHERE attrelid IN ('live_session_event'::regclass, 'exercise_set'::regclass, 'personal_record_log'::regclass)
        AND attnum > 0 AND NOT attisdropped
  LOOP
    EXECUTE format('ALTER TABLE %s ALTER COLUMN %I SET STATISTICS 10', c.tab, c.attname);
  END LOOP;
END
$$;
-- The index on the set id in a log-set's payload has statistics of its own (its expression).
ALTER INDEX live_event_set_logged ALTER COLUMN 2 SET STATISTICS 10;
