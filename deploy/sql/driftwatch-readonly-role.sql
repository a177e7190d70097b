-- The least a watched PostgreSQL database must grant driftwatch. Run as its owner, once per database;
-- replace app with the database name, public with the schema of ?schema= in DATABASE_URL, and the password.
-- driftwatch only reads: every session it opens is read-only from its first packet, and this role
-- could not write even if it tried.

CREATE ROLE driftwatch LOGIN PASSWORD 'change-me'
  NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT NOREPLICATION NOBYPASSRLS
  CONNECTION LIMIT 4;

-- Read-only by default, whatever a session asks for.
ALTER ROLE driftwatch SET default_transaction_read_only = on;
ALTER ROLE driftwatch SET statement_timeout = '15s';
ALTER ROLE driftwatch SET lock_timeout = '2s';

GRANT CONNECT ON DATABASE app TO driftwatch;
GRANT USAGE ON SCHEMA public TO driftwatch;

-- The history Prisma keeps. The catalog views driftwatch also reads (pg_class, pg_namespace,
-- pg_locks for a deploy in progress) are readable by every role.
GRANT SELECT ON public._prisma_migrations TO driftwatch;
