package io.driftwatch.database.postgres;

/**
 * Prisma's {@code _prisma_migrations} on PostgreSQL (semantics, section 1). driftwatch only reads
 * it; the DDL is here for the demo and for tests that must write it exactly as Prisma does.
 */
public final class PrismaHistoryTable {

  private PrismaHistoryTable() {}

  /** The schema engine's CREATE TABLE, in the given schema (quoted here). */
  public static String createIn(String schema) {
    return """
        CREATE TABLE %s."_prisma_migrations" (
            "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
            "checksum"              VARCHAR(64) NOT NULL,
            "finished_at"           TIMESTAMPTZ,
            "migration_name"        VARCHAR(255) NOT NULL,
            "logs"                  TEXT,
            "rolled_back_at"        TIMESTAMPTZ,
            "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
            "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
        )"""
        .formatted(PostgresTargetReader.quote(schema));
  }
}
