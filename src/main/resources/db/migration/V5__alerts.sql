-- Alerts: where each environment's alerts go, which findings are open (their lifecycle), and an
-- outbox written in the same transaction as the audit that produced them.

ALTER TABLE environment ADD COLUMN alerts_webhook_secret TEXT;
ALTER TABLE environment ADD COLUMN alerts_min_severity VARCHAR(16);

-- One row per open finding of an environment, by fingerprint (code + migration).
CREATE TABLE open_finding (
    environment_id    UUID         NOT NULL REFERENCES environment (id) ON DELETE CASCADE,
    fingerprint       VARCHAR(64)  NOT NULL,
    code              VARCHAR(8)   NOT NULL,
    name              VARCHAR(64)  NOT NULL,
    severity          VARCHAR(16)  NOT NULL,
    migration         TEXT,
    first_seen_at     TIMESTAMPTZ  NOT NULL,
    last_seen_at      TIMESTAMPTZ  NOT NULL,
    last_notified_at  TIMESTAMPTZ,
    PRIMARY KEY (environment_id, fingerprint)
);

-- Messages to deliver. A row is claimed by one sender at a time; delivered_at ends it.
CREATE TABLE alert_outbox (
    id                 UUID         PRIMARY KEY,
    environment_id     UUID         NOT NULL REFERENCES environment (id) ON DELETE CASCADE,
    environment        VARCHAR(63)  NOT NULL,
    tier               VARCHAR(16)  NOT NULL,
    kind               VARCHAR(16)  NOT NULL,
    destination_secret TEXT         NOT NULL,
    payload            TEXT         NOT NULL,
    created_at         TIMESTAMPTZ  NOT NULL,
    next_attempt_at    TIMESTAMPTZ  NOT NULL,
    claimed_until      TIMESTAMPTZ,
    attempts           INTEGER      NOT NULL DEFAULT 0,
    delivered_at       TIMESTAMPTZ,
    failed_at          TIMESTAMPTZ,
    last_error         TEXT
);

CREATE INDEX alert_outbox_due ON alert_outbox (next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;
