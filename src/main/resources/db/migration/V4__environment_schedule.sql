-- Each environment is audited on its own cron schedule (Quartz syntax), which can be paused.
ALTER TABLE environment ADD COLUMN schedule_cron VARCHAR(120) NOT NULL DEFAULT '0 */15 * * * ?';
ALTER TABLE environment ADD COLUMN schedule_paused BOOLEAN NOT NULL DEFAULT FALSE;
