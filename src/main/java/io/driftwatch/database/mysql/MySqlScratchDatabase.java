package io.driftwatch.database.mysql;

import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.core.sql.MySqlLexicon;
import io.driftwatch.core.sql.SqlScript;
import io.driftwatch.core.sql.SqlStatement;
import io.driftwatch.database.PrismaDatabaseUrl;
import io.driftwatch.database.SeededHistoryRow;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * A database of driftwatch's own on a MySQL or MariaDB server, made to play a watched one (the
 * MySQL demo's production database): a schema and a Prisma history written as a team's would be.
 * Never a watched database: the server is the one DRIFTWATCH_DEMO_MYSQL_URL names for the demo.
 */
@ApplicationScoped
public class MySqlScratchDatabase {

  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,63}");

  private static final String INSERT_ROW =
      "INSERT INTO `_prisma_migrations` (id, checksum, finished_at, migration_name, logs,"
          + " rolled_back_at, started_at, applied_steps_count) VALUES (?, ?, ?, ?, ?, NULL, ?, ?)";

  private final Vertx vertx;
  private final DriftwatchConfig config;

  public MySqlScratchDatabase(Vertx vertx, DriftwatchConfig config) {
    this.vertx = vertx;
    this.config = config;
  }

  /**
   * Drops the database if it exists, creates it, runs each statement of {@code schemaSql} in it (as
   * Prisma's engine sends a MySQL script) and writes the Prisma history.
   */
  public Uni<Void> recreate(
      PrismaDatabaseUrl server, String database, String schemaSql, List<SeededHistoryRow> history) {
    if (!NAME.matcher(database).matches()) {
      throw new IllegalArgumentException("not a plain database name: " + database);
    }
    List<SqlStatement> statements =
        SqlScript.split(schemaSql, Integer.MAX_VALUE, MySqlLexicon.INSTANCE).statements();
    return UniHelper.toUni(
            io.vertx.mysqlclient.MySQLConnection.connect(
                vertx.getDelegate(), MySqlPools.connectOptions(server, config.target())))
        .map(SqlConnection::newInstance)
        .flatMap(
            connection ->
                connection
                    .query("DROP DATABASE IF EXISTS `" + database + "`")
                    .execute()
                    .call(
                        () ->
                            connection
                                .query(
                                    "CREATE DATABASE `"
                                        + database
                                        + "` DEFAULT CHARACTER SET utf8mb4 COLLATE"
                                        + " utf8mb4_unicode_ci")
                                .execute())
                    .call(() -> connection.query("USE `" + database + "`").execute())
                    .call(
                        () ->
                            Multi.createFrom()
                                .iterable(statements)
                                .onItem()
                                .transformToUniAndConcatenate(
                                    statement -> connection.query(statement.text()).execute())
                                .collect()
                                .last())
                    .call(() -> connection.query(MySqlHistoryTable.CREATE).execute())
                    .call(
                        () ->
                            connection
                                .preparedQuery(INSERT_ROW)
                                .executeBatch(
                                    history.stream().map(MySqlScratchDatabase::row).toList()))
                    .replaceWithVoid()
                    .eventually(connection::close));
  }

  /** Times as Prisma writes them on MySQL: UTC, no zone. */
  private static Tuple row(SeededHistoryRow row) {
    return Tuple.tuple()
        .addString(UUID.randomUUID().toString())
        .addString(row.checksum())
        .addLocalDateTime(
            row.finished() == null
                ? null
                : row.finished().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime())
        .addString(row.migration())
        .addString(row.logs())
        .addLocalDateTime(row.started().withOffsetSameInstant(ZoneOffset.UTC).toLocalDateTime())
        .addInteger(row.appliedSteps());
  }
}
