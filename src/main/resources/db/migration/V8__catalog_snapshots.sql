-- The schema a replay of migrations produced, keyed by the replayed scripts' content, the migration
-- schema, the schemas read and the shadow server's major version: an audit at an unchanged commit
-- does no replay. Failed replays are not kept (a fixed shadow server is tried again).
CREATE TABLE catalog_snapshot (
    cache_key   CHAR(64)     PRIMARY KEY,
    catalog     TEXT         NOT NULL,
    created_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
