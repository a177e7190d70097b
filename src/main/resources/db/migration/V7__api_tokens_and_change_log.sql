-- API tokens: only a SHA-256 of each token is kept; a revoked token stays listed (revoked_at) so the
-- change log keeps naming it.
CREATE TABLE api_token (
    id          UUID         PRIMARY KEY,
    name        VARCHAR(64)  NOT NULL,
    role        VARCHAR(16)  NOT NULL,
    token_hash  CHAR(64)     NOT NULL UNIQUE,
    created_at  TIMESTAMPTZ  NOT NULL,
    created_by  VARCHAR(200) NOT NULL,
    revoked_at  TIMESTAMPTZ
);
CREATE UNIQUE INDEX api_token_active_name ON api_token (name) WHERE revoked_at IS NULL;

-- Who changed what, and when: environments, alert channels, tokens and keys. Never holds a secret.
CREATE TABLE change_record (
    id       BIGSERIAL    PRIMARY KEY,
    at       TIMESTAMPTZ  NOT NULL,
    actor    VARCHAR(200) NOT NULL,
    action   VARCHAR(64)  NOT NULL,
    subject  VARCHAR(200) NOT NULL,
    details  TEXT         NOT NULL
);
