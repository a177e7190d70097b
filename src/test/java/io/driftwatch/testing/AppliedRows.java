package io.driftwatch.testing;

/**
 * The rows {@code migrate deploy} leaves for a long history, written as one INSERT: each migration
 * finished, with its script's checksum, started a second after the one before. For benchmarks that
 * stand up hundreds of applied migrations at once, on PostgreSQL or, {@link #mysql}, on MySQL and
 * MariaDB.
 */
public final class AppliedRows {

  private final StringBuilder sql =
      new StringBuilder(
          "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name,"
              + " started_at, applied_steps_count) VALUES ");
  private final int total;
  private final boolean mysql;
  private int added;

  /** For a history of {@code total} migrations on PostgreSQL, added oldest first. */
  public AppliedRows(int total) {
    this(total, false);
  }

  private AppliedRows(int total, boolean mysql) {
    this.total = total;
    this.mysql = mysql;
  }

  /** For a history of {@code total} migrations on MySQL or MariaDB. */
  public static AppliedRows mysql(int total) {
    return new AppliedRows(total, true);
  }

  public AppliedRows add(String migration, String script) {
    String now = mysql ? "CURRENT_TIMESTAMP(3)" : "now()";
    sql.append(added == 0 ? "" : ", ")
        .append(mysql ? "(uuid(), '" : "(gen_random_uuid()::text, '")
        .append(Checksums.of(script))
        .append("', ")
        .append(now)
        .append(", '")
        .append(migration.replace("'", "''"))
        .append("', ")
        .append(now)
        .append(mysql ? " - INTERVAL " : " - interval '1 second' * ")
        .append(total - added)
        .append(mysql ? " SECOND, 1)" : ", 1)");
    added++;
    return this;
  }

  public String sql() {
    return sql.toString();
  }
}
