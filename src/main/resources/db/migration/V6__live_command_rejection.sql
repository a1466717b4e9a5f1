-- A live command's final rejection, so that a repeat of its commandId gets the same answer (an
-- accepted command's answer is its event in live_session_event). Until now Redis kept these; now a
-- command reads its earlier answer in the statement that reads its session, one Redis round trip
-- less a command, and the memory outlives a Redis that lost its data. Kept a day (deleted hourly by
-- created_at), as Redis kept them.
CREATE TABLE live_command_rejection (
    session_record_id uuid        NOT NULL REFERENCES training_session_record (id) ON DELETE CASCADE,
    command_id        text        NOT NULL CHECK (length(command_id) <= 100),
    -- The rejection as the client got it: code, message and field errors.
    answer            jsonb       NOT NULL,
    created_at        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (session_record_id, command_id)
);

CREATE INDEX live_command_rejection_created ON live_command_rejection (created_at);
