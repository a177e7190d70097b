-- A replay is kept whole, failed or not, under the same content key: the catalog it built (none when an
-- applied migration stopped it) and its failures as JSON ({"stop": ..., "passed": [...]}, NULL for a
-- replay without any). Only outcomes that are the scripts' own are kept; a sandbox refusal or a
-- timeout is tried again by the next audit.
ALTER TABLE catalog_snapshot ALTER COLUMN catalog DROP NOT NULL;
ALTER TABLE catalog_snapshot ADD COLUMN failures TEXT;
