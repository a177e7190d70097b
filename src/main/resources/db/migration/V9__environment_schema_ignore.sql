-- Globs of database objects the drift and coverage checks leave out (one per line), e.g. public.audit_*.
ALTER TABLE environment ADD COLUMN schema_ignore TEXT NOT NULL DEFAULT '';
