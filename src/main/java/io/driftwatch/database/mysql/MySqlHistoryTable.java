package io.driftwatch.database.mysql;

/**
 * Prisma's {@code _prisma_migrations} on MySQL and MariaDB (semantics, section 1): {@code
 * DATETIME(3)} times, an unsigned step count, the database's utf8mb4 character set. driftwatch only
 * reads it; the DDL is here for the demo and for tests that must write it exactly as Prisma does.
 */
public final class MySqlHistoryTable {

  private MySqlHistoryTable() {}

  /** The schema engine's CREATE TABLE, in the connection's database. */
  public static final String CREATE =
      """
      CREATE TABLE `_prisma_migrations` (
          `id`                    VARCHAR(36) PRIMARY KEY NOT NULL,
          `checksum`              VARCHAR(64) NOT NULL,
          `finished_at`           DATETIME(3),
          `migration_name`        VARCHAR(255) NOT NULL,
          `logs`                  TEXT,
          `rolled_back_at`        DATETIME(3),
          `started_at`            DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
          `applied_steps_count`   INTEGER UNSIGNED NOT NULL DEFAULT 0
      ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci""";
}
