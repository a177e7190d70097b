-- A check: an audit of an environment's database against the migrations of a ref, asked by CI.
-- Kept apart from the audits: it never becomes the environment's latest status and never alerts.
CREATE TABLE environment_check (
    id               UUID         PRIMARY KEY,
    environment_id   UUID         NOT NULL REFERENCES environment (id) ON DELETE CASCADE,
    ref              TEXT         NOT NULL,
    started_at       TIMESTAMPTZ  NOT NULL,
    finished_at      TIMESTAMPTZ  NOT NULL,
    verdict          VARCHAR(8)   NOT NULL,
    report           TEXT         NOT NULL
);

CREATE INDEX environment_check_by_environment
    ON environment_check (environment_id, started_at DESC, id DESC);
