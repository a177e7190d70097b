package io.driftwatch.testing;

import io.driftwatch.database.postgres.PrismaHistoryTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

/**
 * A watched database for a test, written the way Prisma writes it (semantics, section 1): the
 * {@code _prisma_migrations} DDL of the schema engine, and one method per Prisma command. Dropped
 * on {@link #close()}.
 */
public final class TargetDatabase implements AutoCloseable {

  private final TestPostgres.Server server;
  private final String name;
  private final String schema;
  private Instant clock = Instant.parse("2025-01-01T00:00:00Z");

  private TargetDatabase(TestPostgres.Server server, String name, String schema) {
    this.server = server;
    this.name = name;
    this.schema = schema;
  }

  /** An empty database (no history table yet). */
  public static TargetDatabase create() {
    return create("public");
  }

  public static TargetDatabase create(String schema) {
    return create(TestPostgres.server(), schema);
  }

  /** An empty database on a given server (one a test runs itself, say). */
  public static TargetDatabase create(TestPostgres.Server server, String schema) {
    TargetDatabase target = new TargetDatabase(server, server.createDatabase("dw_target"), schema);
    if (!schema.equals("public")) {
      target.sql("CREATE SCHEMA \"" + schema + "\"");
    }
    return target;
  }

  /** What {@code migrate deploy} does first on a database: create the history table. */
  public TargetDatabase managedByPrisma() {
    return sql(PrismaHistoryTable.createIn(schema));
  }

  public String name() {
    return name;
  }

  public String prismaUrl() {
    return server.prismaUrl(name, schema);
  }

  /** A Prisma URL with a password (the local test server trusts every password). */
  public String prismaUrlWithPassword(String password) {
    return "postgresql://"
        + server.user()
        + ":"
        + password
        + "@"
        + server.host()
        + ":"
        + server.port()
        + "/"
        + name
        + "?schema="
        + schema;
  }

  /**
   * {@code migrate deploy} applying a script: runs it, then records a finished row with its
   * checksum.
   */
  public TargetDatabase deploy(String migration, String script) {
    sql(script);
    return insert(migration, Checksums.of(script), tick(), tick(), null, null, 1);
  }

  /**
   * {@code migrate deploy} failing: the script's transaction is rolled back, the row keeps the
   * error.
   */
  public TargetDatabase deployFailed(String migration, String script, String error) {
    return insert(migration, Checksums.of(script), tick(), null, null, error, 0);
  }

  /**
   * {@code migrate resolve --applied}: failed rows rolled back, then a marked row with empty logs.
   */
  public TargetDatabase resolveApplied(String migration, String script) {
    resolveRolledBack(migration);
    Instant now = tick();
    return insert(migration, Checksums.of(script), now, now, null, "", 0);
  }

  /** {@code migrate resolve --rolled-back}. */
  public TargetDatabase resolveRolledBack(String migration) {
    Instant now = tick();
    try (Connection connection = server.connect(name);
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE \""
                    + schema
                    + "\"._prisma_migrations"
                    + " SET rolled_back_at = ? WHERE migration_name = ? AND finished_at IS NULL AND rolled_back_at IS NULL")) {
      update.setTimestamp(1, Timestamp.from(now));
      update.setString(2, migration);
      update.executeUpdate();
      return this;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A row as written by an old engine or by hand. */
  public TargetDatabase row(String migration, String checksum, boolean finished) {
    Instant started = tick();
    return insert(
        migration, checksum, started, finished ? tick() : null, null, null, finished ? 1 : 0);
  }

  public TargetDatabase sql(String sql) {
    try (Connection connection = server.connect(name);
        Statement statement = connection.createStatement()) {
      statement.execute("SET search_path TO \"" + schema + "\"");
      statement.execute(sql);
      return this;
    } catch (SQLException e) {
      throw new IllegalStateException("test SQL failed: " + sql, e);
    }
  }

  private TargetDatabase insert(
      String migration,
      String checksum,
      Instant started,
      Instant finished,
      Instant rolledBack,
      String logs,
      int steps) {
    try (Connection connection = server.connect(name);
        PreparedStatement insert =
            connection.prepareStatement(
                "INSERT INTO \""
                    + schema
                    + "\"._prisma_migrations"
                    + " (id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, UUID.randomUUID().toString());
      insert.setString(2, checksum);
      insert.setTimestamp(3, finished == null ? null : Timestamp.from(finished));
      insert.setString(4, migration);
      insert.setString(5, logs);
      insert.setTimestamp(6, rolledBack == null ? null : Timestamp.from(rolledBack));
      insert.setTimestamp(7, Timestamp.from(started));
      insert.setInt(8, steps);
      insert.executeUpdate();
      return this;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private Instant tick() {
    clock = clock.plusSeconds(60);
    return clock;
  }

  @Override
  public void close() {
    server.dropDatabase(name);
  }
}
