package io.driftwatch.testing;

/**
 * The rows {@code migrate deploy} leaves for a long history, written as one INSERT: each migration
 * finished, with its script's checksum, started a second after the one before. For benchmarks that
 * stand up hundreds of applied migrations at once.
 */
public final class AppliedRows {

  private final StringBuilder sql =
      new StringBuilder(
          "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name,"
              + " started_at, applied_steps_count) VALUES ");
  private final int total;
  private int added;

  /** For a history of {@code total} migrations, added oldest first. */
  public AppliedRows(int total) {
    this.total = total;
  }

  public AppliedRows add(String migration, String script) {
    sql.append(added == 0 ? "" : ", ")
        .append("(gen_random_uuid()::text, '")
        .append(Checksums.of(script))
        .append("', now(), '")
        .append(migration.replace("'", "''"))
        .append("', now() - interval '1 second' * ")
        .append(total - added)
        .append(", 1)");
    added++;
    return this;
  }

  public String sql() {
    return sql.toString();
  }
}
