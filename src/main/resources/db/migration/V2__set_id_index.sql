-- log-set's "set id already logged" check reads this index of the event log instead of every
-- exercise record's sets of the session (which grows with each set and is rewritten by each one).
CREATE INDEX live_event_set_logged ON live_session_event (session_record_id, (payload #>> '{set,id}'))
    WHERE name = 'set-logged';
