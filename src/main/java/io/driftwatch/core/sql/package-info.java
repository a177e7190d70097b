/**
 * PostgreSQL migration scripts cut into statements the way the server and psql cut them, with the
 * position of each statement and of anything that could not be read. The first brick of the lint of
 * pending migrations: rules look at one {@link io.driftwatch.core.sql.SqlStatement} at a time.
 */
package io.driftwatch.core.sql;
