-- Acknowledged findings are not reminded of (until a time, or for good); a generic JSON webhook
-- next to Slack.
ALTER TABLE open_finding ADD COLUMN acknowledged_at TIMESTAMPTZ;
ALTER TABLE open_finding ADD COLUMN acknowledged_until TIMESTAMPTZ;
ALTER TABLE open_finding ADD COLUMN acknowledged_comment TEXT;

ALTER TABLE environment ADD COLUMN alerts_generic_webhook_secret TEXT;
ALTER TABLE alert_outbox ADD COLUMN channel VARCHAR(16) NOT NULL DEFAULT 'SLACK';
