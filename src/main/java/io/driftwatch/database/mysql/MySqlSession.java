package io.driftwatch.database.mysql;

import io.driftwatch.config.DriftwatchConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.function.Function;

/**
 * One bounded, read-only stretch of work on a MySQL or MariaDB connection: the session's statement
 * time ({@code max_execution_time} in milliseconds on MySQL, {@code max_statement_time} in seconds
 * on MariaDB: each server refuses the other's), {@code lock_wait_timeout} (metadata locks a running
 * ALTER holds), UTC for the {@code DATETIME(3)} columns Prisma writes in UTC, then {@code START
 * TRANSACTION READ ONLY} (the server refuses any write in it) in a session whose every transaction
 * is read-only too (a DDL statement commits the open transaction before it runs; the next one is
 * read-only as well), ended by a rollback however the work ends. MySQL has no read-only startup
 * parameter: this is sent first on every read.
 */
public final class MySqlSession {

  private MySqlSession() {}

  /** The server a connection reached, from its handshake. */
  public static MySqlServer server(SqlConnection connection) {
    return MySqlServer.of(connection.databaseMetadata().fullVersion());
  }

  /** The SET statement bounding this session on this server. */
  static String bounds(MySqlServer server, DriftwatchConfig.Target config) {
    long millis = Math.max(1, config.statementTimeout().toMillis());
    long lockSeconds = Math.max(1, config.lockTimeout().toSeconds());
    String statementTime =
        server.mariaDb()
            ? "max_statement_time = " + (millis / 1000.0)
            : "max_execution_time = " + millis;
    return "SET SESSION "
        + statementTime
        + ", SESSION lock_wait_timeout = "
        + lockSeconds
        + ", SESSION time_zone = '+00:00'";
  }

  public static <T> Uni<T> readOnly(
      SqlConnection connection,
      DriftwatchConfig.Target config,
      Function<MySqlServer, Uni<T>> work) {
    MySqlServer server = server(connection);
    return connection
        .query(bounds(server, config))
        .execute()
        .flatMap(set -> connection.query("SET SESSION TRANSACTION READ ONLY").execute())
        .flatMap(set -> connection.query("START TRANSACTION READ ONLY").execute())
        .flatMap(
            started ->
                work.apply(server)
                    .call(() -> connection.query("ROLLBACK").execute())
                    .onFailure()
                    .call(
                        () ->
                            connection.query("ROLLBACK").execute().onFailure().recoverWithNull()));
  }
}
