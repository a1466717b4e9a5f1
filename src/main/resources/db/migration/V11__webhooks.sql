-- Webhooks (Standard Webhooks): a trainer's endpoints, the outbox of events written in the same
-- transaction as the change they announce, one delivery per event and endpoint, and its attempts.

CREATE TABLE webhook_endpoint (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    trainer_id  uuid        NOT NULL REFERENCES trainer (id) ON DELETE CASCADE,
    url         text        NOT NULL CHECK (length(url) BETWEEN 1 AND 2048),
    events      jsonb       NOT NULL CHECK (jsonb_typeof(events) = 'array'),
    description text        CHECK (length(description) <= 500),
    -- The signing key, sealed with AES-GCM under a key derived from the JWT secret (WebhookSecrets):
    -- it must be read back to sign, so it cannot be stored as a hash.
    secret      bytea       NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_endpoint_trainer ON webhook_endpoint (trainer_id, created_at);

-- The outbox: the body as sent, byte for byte, so every attempt signs and sends the same text.
CREATE TABLE webhook_event (
    id         uuid PRIMARY KEY,
    trainer_id uuid        NOT NULL REFERENCES trainer (id) ON DELETE CASCADE,
    type       text        NOT NULL,
    body       text        NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_event_created ON webhook_event (created_at);

-- seq orders an endpoint's deliveries: only the oldest pending one of an endpoint is ever sent.
-- claim and lease_until mark the one instance sending it now; a lease that ran out (a crashed
-- instance) lets another take it over.
CREATE TABLE webhook_delivery (
    id              uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    seq             bigserial   NOT NULL,
    endpoint_id     uuid        NOT NULL REFERENCES webhook_endpoint (id) ON DELETE CASCADE,
    event_id        uuid        NOT NULL REFERENCES webhook_event (id) ON DELETE CASCADE,
    status          text        NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    claim           uuid,
    lease_until     timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz
);
CREATE INDEX webhook_delivery_pending ON webhook_delivery (endpoint_id, seq) WHERE status = 'pending';
CREATE INDEX webhook_delivery_due ON webhook_delivery (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_delivery_log ON webhook_delivery (endpoint_id, created_at, id);
CREATE INDEX webhook_delivery_event ON webhook_delivery (event_id);

CREATE TABLE webhook_attempt (
    delivery_id  uuid        NOT NULL REFERENCES webhook_delivery (id) ON DELETE CASCADE,
    number       integer     NOT NULL,
    attempted_at timestamptz NOT NULL,
    status_code  integer,
    error        text        CHECK (length(error) <= 200),
    duration_ms  integer     NOT NULL,
    PRIMARY KEY (delivery_id, number)
);
