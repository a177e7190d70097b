-- The least a watched MySQL or MariaDB database must grant driftwatch. Run as an administrator, once
-- per server; replace app with the database name of DATABASE_URL, and the password.
-- driftwatch only reads: every read runs in START TRANSACTION READ ONLY in a read-only session, and
-- this account could not write even if it tried.

CREATE USER 'driftwatch'@'%' IDENTIFIED BY 'change-me' WITH MAX_USER_CONNECTIONS 4;

-- The history Prisma keeps and the catalog (information_schema shows an account the tables it may
-- read); SHOW VIEW lets it compare the views' definitions.
GRANT SELECT, SHOW VIEW ON `app`.* TO 'driftwatch'@'%';

-- Triggers appear in information_schema only to an account with the TRIGGER privilege, which also
-- lets it create and drop them. Grant it only to compare triggers too:
-- GRANT TRIGGER ON `app`.* TO 'driftwatch'@'%';
