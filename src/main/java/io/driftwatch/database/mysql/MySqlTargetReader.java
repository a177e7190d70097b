package io.driftwatch.database.mysql;

import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.core.TargetSnapshot;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.TableRows;
import io.driftwatch.core.history.HistoryRow;
import io.driftwatch.core.prisma.PrismaStatus.DatasourceLine;
import io.driftwatch.database.HistoryRows;
import io.driftwatch.database.PrismaDatabaseUrl;
import io.driftwatch.database.TargetReader;
import io.driftwatch.database.TargetReads;
import io.driftwatch.database.TargetUnavailableException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.sqlclient.DatabaseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads what Prisma recorded in a MySQL or MariaDB database, in one read-only transaction ({@link
 * MySqlSession}): whether {@code _prisma_migrations} exists, whether other tables exist (P3005),
 * whether a deploy holds Prisma's lock, every history row ordered by {@code started_at}, the
 * catalog and the row estimates. Sends nothing but SET SESSION, START TRANSACTION READ ONLY,
 * SELECTs and ROLLBACK; never takes Prisma's lock.
 *
 * <p>Prisma's lock is {@code GET_LOCK('prisma_migrate', 10)}: a user lock of the whole server, not
 * of one database, so a deploy to another database of the same server shows as a deploy here too
 * (the audit then waits for it rather than calling its row failed). {@code DATETIME(3)} values
 * carry no zone; Prisma writes them in UTC, and they are read as UTC.
 */
@ApplicationScoped
public class MySqlTargetReader implements TargetReader {

  static final String PROBE =
      """
      SELECT
        EXISTS (SELECT 1 FROM information_schema.TABLES
                WHERE TABLE_SCHEMA = ? AND TABLE_NAME = '_prisma_migrations' AND TABLE_TYPE = 'BASE TABLE') AS has_history,
        EXISTS (SELECT 1 FROM information_schema.TABLES
                WHERE TABLE_SCHEMA = ? AND TABLE_NAME <> '_prisma_migrations' AND TABLE_TYPE = 'BASE TABLE') AS has_tables,
        IS_USED_LOCK('prisma_migrate') IS NOT NULL AS deploy_lock
      """;

  /** InnoDB's estimate of each table's rows ({@code TABLE_ROWS}; exact for MyISAM). */
  static final String ROW_ESTIMATES =
      """
      SELECT TABLE_SCHEMA AS schema_name, TABLE_NAME AS name, TABLE_ROWS AS row_count
      FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE'
      """;

  private final TargetReads reads;
  private final MySqlCatalogReader catalogs;
  private final DriftwatchConfig.Target config;

  public MySqlTargetReader(
      TargetReads reads, MySqlCatalogReader catalogs, DriftwatchConfig config) {
    this.reads = reads;
    this.catalogs = catalogs;
    this.config = config.target();
  }

  @Override
  public Uni<TargetSnapshot> read(UUID environmentId, PrismaDatabaseUrl url) {
    return reads.read(
        environmentId,
        url,
        true,
        pool ->
            pool.withConnection(
                connection ->
                    MySqlSession.readOnly(
                        connection, config, server -> readIn(connection, server, url))),
        MySqlTargetReader::explain);
  }

  private Uni<TargetSnapshot> readIn(
      SqlConnection connection, MySqlServer server, PrismaDatabaseUrl url) {
    String schema = url.schema();
    return connection
        .preparedQuery(PROBE)
        .execute(Tuple.of(schema, schema))
        .flatMap(
            probe -> {
              Row row = probe.iterator().next();
              boolean hasHistory = row.getBoolean("has_history");
              boolean hasTables = row.getBoolean("has_tables");
              boolean deployLock = row.getBoolean("deploy_lock");
              Uni<List<HistoryRow>> rows =
                  hasHistory ? readRows(connection, schema) : Uni.createFrom().item(List.of());
              return rows.flatMap(
                  history ->
                      catalogs
                          .read(connection, server, Set.of(schema))
                          .flatMap(
                              catalog ->
                                  rowEstimates(connection, schema)
                                      .map(
                                          estimates ->
                                              new TargetSnapshot(
                                                  "mysql",
                                                  hasHistory,
                                                  hasTables,
                                                  history,
                                                  deployLock,
                                                  // As Prisma prints it: "MySQL" for MariaDB too.
                                                  new DatasourceLine(
                                                      "MySQL",
                                                      url.database(),
                                                      schema,
                                                      url.host() + ":" + url.port()),
                                                  Optional.of(catalog),
                                                  estimates))));
            });
  }

  private static Uni<TableRows> rowEstimates(SqlConnection connection, String schema) {
    return connection
        .preparedQuery(ROW_ESTIMATES)
        .execute(Tuple.of(schema))
        .map(HistoryRows::estimates);
  }

  private static Uni<List<HistoryRow>> readRows(SqlConnection connection, String schema) {
    String sql =
        "SELECT "
            + HistoryRows.COLUMNS
            + " FROM "
            + quote(schema)
            + ".`_prisma_migrations` ORDER BY started_at, id";
    return connection
        .preparedQuery(sql)
        .execute()
        .map(result -> HistoryRows.of(result, (row, column) -> utc(row.getLocalDateTime(column))));
  }

  /**
   * Which of these tables hold at least one row, checked exactly ({@code EXISTS}), in one read-only
   * transaction. Names are bound where they are values and backticked where they name a table; a
   * prepared statement is one statement, so no name can end it.
   */
  @Override
  public Uni<Set<String>> tablesWithRows(
      UUID environmentId, PrismaDatabaseUrl url, Collection<QualifiedName> tables) {
    if (tables.isEmpty()) {
      return Uni.createFrom().item(Set.of());
    }
    List<QualifiedName> all = List.copyOf(tables);
    return reads.read(
        environmentId,
        url,
        false,
        pool ->
            pool.withConnection(
                connection ->
                    MySqlSession.readOnly(
                        connection,
                        config,
                        server ->
                            TargetReads.withRows(connection, all, MySqlTargetReader::rowsCheck))),
        MySqlTargetReader::explain);
  }

  /** {@code SELECT ? AS name FROM DUAL WHERE EXISTS (SELECT 1 FROM `s`.`t`) UNION ALL ...}. */
  static String rowsCheck(List<QualifiedName> tables) {
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < tables.size(); i++) {
      QualifiedName table = tables.get(i);
      sql.append(i == 0 ? "" : " UNION ALL ")
          .append("SELECT CAST(? AS CHAR) AS name FROM DUAL WHERE EXISTS (SELECT 1 FROM ")
          .append(quote(table.schema()))
          .append('.')
          .append(quote(table.name()))
          .append(')');
    }
    return sql.toString();
  }

  static String quote(String identifier) {
    return '`' + identifier.replace("`", "``") + '`';
  }

  private static Instant utc(LocalDateTime value) {
    return value == null ? null : value.toInstant(ZoneOffset.UTC);
  }

  /**
   * A driver failure as a sentence that says what to check; never the URL's password. Error numbers
   * are the servers' own (shared by MySQL and MariaDB where both have them).
   */
  static TargetUnavailableException explain(Throwable failure, PrismaDatabaseUrl url) {
    Throwable root = failure;
    while (!(root instanceof DatabaseException)
        && root.getCause() != null
        && root.getCause() != root) {
      root = root.getCause();
    }
    String reason;
    if (root instanceof DatabaseException db) {
      reason =
          switch (db.getErrorCode()) {
            case 1045 ->
                "authentication failed for user `"
                    + url.user()
                    + "`: check the credentials in databaseUrl";
            case 1044, 1049 -> "database `" + url.database() + "` does not exist or is not granted";
            case 1142, 1143 ->
                "user `"
                    + url.user()
                    + "` may not read the history: "
                    + TargetReads.safe(db.getMessage(), url)
                    + " (GRANT SELECT ON `"
                    + url.database()
                    + "`.* TO the user)";
            case 3024, 1969 -> "a query was stopped by the session's statement time limit";
            case 1205 -> "a query waited longer than lock_wait_timeout for a metadata lock";
            case 1040 -> "the server has no free connection slot";
            default ->
                TargetReads.safe(db.getMessage(), url)
                    + " (error "
                    + db.getErrorCode()
                    + ", SQLSTATE "
                    + db.getSqlState()
                    + ")";
          };
    } else {
      reason = TargetReads.transportReason(root, url);
    }
    return TargetReads.unavailable(url, reason);
  }
}
