-- Git credentials (token or ssh key) of an environment's source, encrypted like the database URL.
ALTER TABLE environment ADD COLUMN source_secret TEXT;
