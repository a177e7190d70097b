package io.driftwatch.testing;

import io.driftwatch.database.mysql.MySqlHistoryTable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A watched MySQL or MariaDB database for a test, written the way Prisma writes it (semantics,
 * section 1): the schema engine's {@code _prisma_migrations}, and one method per Prisma command.
 * Scripts run statement by statement as the engine sends them on MySQL, with no transaction around
 * them (MySQL commits each DDL statement). Dropped on {@link #close()}.
 */
public final class MySqlTargetDatabase implements AutoCloseable {

  private final TestMySql.Server server;
  private final String name;
  private Instant clock = Instant.parse("2025-01-01T00:00:00Z");

  private MySqlTargetDatabase(TestMySql.Server server, String name) {
    this.server = server;
    this.name = name;
  }

  /** An empty database (no history table yet). */
  public static MySqlTargetDatabase create() {
    TestMySql.Server server = TestMySql.server();
    return new MySqlTargetDatabase(server, server.createDatabase("dw_target"));
  }

  /** What {@code migrate deploy} does first on a database: create the history table. */
  public MySqlTargetDatabase managedByPrisma() {
    return sql(MySqlHistoryTable.CREATE);
  }

  public String name() {
    return name;
  }

  public TestMySql.Server server() {
    return server;
  }

  public String prismaUrl() {
    return server.prismaUrl(name);
  }

  /** {@code migrate deploy} applying a script: runs it, then records a finished row. */
  public MySqlTargetDatabase deploy(String migration, String script) {
    sql(script);
    return insert(migration, Checksums.of(script), tick(), tick(), null, null, 1);
  }

  /**
   * {@code migrate deploy} failing on MySQL: the statements before the failing one stay applied
   * (each DDL commits), the row keeps the server's error and no finish time.
   *
   * @param applied the statements that ran before the failure
   */
  public MySqlTargetDatabase deployFailedAfter(
      String migration, String script, List<String> applied, String error) {
    applied.forEach(this::sql);
    return insert(migration, Checksums.of(script), tick(), null, null, error, 0);
  }

  /** {@code migrate deploy} failing before any statement took effect. */
  public MySqlTargetDatabase deployFailed(String migration, String script, String error) {
    return deployFailedAfter(migration, script, List.of(), error);
  }

  /** {@code migrate resolve --rolled-back}. */
  public MySqlTargetDatabase resolveRolledBack(String migration) {
    Instant now = tick();
    try (Connection connection = server.connect(name);
        PreparedStatement update =
            connection.prepareStatement(
                "UPDATE `_prisma_migrations` SET rolled_back_at = ? WHERE migration_name = ?"
                    + " AND finished_at IS NULL AND rolled_back_at IS NULL")) {
      update.setObject(1, utc(now));
      update.setString(2, migration);
      update.executeUpdate();
      return this;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A row as written by an old engine or by hand. */
  public MySqlTargetDatabase row(String migration, String checksum, boolean finished) {
    Instant started = tick();
    return insert(
        migration, checksum, started, finished ? tick() : null, null, null, finished ? 1 : 0);
  }

  public MySqlTargetDatabase sql(String sql) {
    try (Connection connection = server.connect(name);
        Statement statement = connection.createStatement()) {
      statement.execute(sql);
      return this;
    } catch (SQLException e) {
      throw new IllegalStateException("test SQL failed: " + sql, e);
    }
  }

  private MySqlTargetDatabase insert(
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
                "INSERT INTO `_prisma_migrations` (id, checksum, finished_at, migration_name,"
                    + " logs, rolled_back_at, started_at, applied_steps_count)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      insert.setString(1, UUID.randomUUID().toString());
      insert.setString(2, checksum);
      insert.setObject(3, utc(finished));
      insert.setString(4, migration);
      insert.setString(5, logs);
      insert.setObject(6, utc(rolledBack));
      insert.setObject(7, utc(started));
      insert.setInt(8, steps);
      insert.executeUpdate();
      return this;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static LocalDateTime utc(Instant instant) {
    return instant == null ? null : LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
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
