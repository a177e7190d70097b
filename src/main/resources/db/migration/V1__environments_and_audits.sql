-- driftwatch's own store. Watched databases are never written to; this schema is.

CREATE TABLE environment (
    id                  UUID         PRIMARY KEY,
    name                VARCHAR(63)  NOT NULL UNIQUE,
    tier                VARCHAR(16)  NOT NULL,
    database_url_masked TEXT         NOT NULL,
    database_url_secret TEXT         NOT NULL,
    source              TEXT         NOT NULL,
    created_at          TIMESTAMPTZ  NOT NULL,
    updated_at          TIMESTAMPTZ  NOT NULL,
    version             BIGINT       NOT NULL DEFAULT 0
);

CREATE TABLE audit (
    id               UUID         PRIMARY KEY,
    environment_id   UUID         NOT NULL REFERENCES environment (id) ON DELETE CASCADE,
    started_at       TIMESTAMPTZ  NOT NULL,
    finished_at      TIMESTAMPTZ  NOT NULL,
    outcome          VARCHAR(8)   NOT NULL,
    history_state    VARCHAR(20),
    summary          TEXT         NOT NULL,
    report           TEXT         NOT NULL
);

CREATE INDEX audit_by_environment ON audit (environment_id, started_at DESC, id DESC);

-- At most one audit per environment at a time, across every replica of the service.
CREATE TABLE audit_lease (
    environment_id   UUID         PRIMARY KEY REFERENCES environment (id) ON DELETE CASCADE,
    owner            UUID         NOT NULL,
    expires_at       TIMESTAMPTZ  NOT NULL
);
