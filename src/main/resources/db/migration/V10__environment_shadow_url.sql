-- An environment's own shadow server (Prisma's shadowDatabaseUrl), sealed like every credential.
ALTER TABLE environment ADD COLUMN shadow_url_secret TEXT;
