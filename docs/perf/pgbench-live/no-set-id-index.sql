DROP INDEX live_event_set_logged;
