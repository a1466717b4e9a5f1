-- A live command's final rejection, so that a repeat of its commandId gets the same answer (an
-- accepted command's answer is its event in live_session_event). Until now Redis kept these for a
-- day, and a command asked Redis for one on every run; now the command's first statement reads it
-- beside the event, and it lasts as long as the session record, as the events do.
CREATE TABLE live_command_rejection (
    session_record_id uuid        NOT NULL REFERENCES training_session_record (id) ON DELETE CASCADE,
    command_id        text        NOT NULL CHECK (length(command_id) <= 100),
    -- The rejected message as sent: code, message and field errors.
    answer            jsonb       NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (session_record_id, command_id)
);
