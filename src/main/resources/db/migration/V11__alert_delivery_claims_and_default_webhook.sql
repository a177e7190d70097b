-- Alert delivery: a claim names the sender that holds it, so a sender whose claim ran out cannot send
-- or record over the one that took the message next; undelivered (pending and failed) deliveries are
-- listed and counted through an index of their own.
ALTER TABLE alert_outbox ADD COLUMN claimed_by UUID;
CREATE INDEX alert_outbox_undelivered ON alert_outbox (created_at) WHERE delivered_at IS NULL;
CREATE INDEX alert_outbox_created ON alert_outbox (created_at);

-- The global Slack webhook (DRIFTWATCH_ALERTS_SLACK_WEBHOOK_URL) the findings already open were last
-- announced to: one row, locked by the replica that compares it with its configuration at start-up.
-- recorded_at NULL: no start-up has recorded one yet.
CREATE TABLE alert_default_webhook (
    id             SMALLINT     PRIMARY KEY CHECK (id = 1),
    webhook_secret TEXT,
    recorded_at    TIMESTAMPTZ
);
INSERT INTO alert_default_webhook (id) VALUES (1);
