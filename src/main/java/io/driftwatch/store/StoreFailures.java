package io.driftwatch.store;

import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Objects;
import java.util.Set;
import org.hibernate.exception.JDBCConnectionException;
import org.postgresql.util.PSQLException;

/**
 * Tells the service's own database being out of reach (down, restarting, refusing connections) from
 * every other failure. A request can meet no other database: audits turn a watched database's
 * failures into an ERROR report before they reach the API.
 */
public final class StoreFailures {

  private StoreFailures() {}

  /** Whether this failure, or any failure it wraps, says the store cannot be reached. */
  public static boolean unreachable(Throwable failure) {
    Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
    Deque<Throwable> pending = new ArrayDeque<>();
    pending.push(failure);
    while (!pending.isEmpty() && seen.size() < 64) {
      Throwable current = pending.pop();
      if (!seen.add(current)) {
        continue;
      }
      if (isUnreachable(current)) {
        return true;
      }
      if (current instanceof CompositeException composite) {
        composite.getCauses().stream().filter(Objects::nonNull).forEach(pending::push);
      }
      if (current.getCause() != null) {
        pending.push(current.getCause());
      }
    }
    return false;
  }

  private static boolean isUnreachable(Throwable failure) {
    return failure instanceof StoreTimeoutException
        // Refused or no route (ConnectException, the netty and JDK variants alike), or reset or
        // broken under a query: the server cut a pooled connection.
        || failure instanceof SocketException
        || failure instanceof ClosedConnectionException // the server went away during the request
        || failure instanceof JDBCConnectionException
        || failure instanceof SQLTransientConnectionException
        || failure instanceof SQLNonTransientConnectionException
        || failure instanceof PSQLException psql
            && psql.getServerErrorMessage() != null
            && endsTheSession(psql.getServerErrorMessage().getSeverity())
        || failure instanceof SQLException sql && connectionLost(sql.getSQLState())
        || failure instanceof PgException pg
            && (connectionLost(pg.getSqlState()) || endsTheSession(pg.getSeverity()));
  }

  /**
   * The server refused or ended the session: a FATAL error is only ever sent when a connection
   * cannot go on (the database was renamed, dropped or closed to connections, the role lost its
   * right to connect).
   */
  private static boolean endsTheSession(String severity) {
    return "FATAL".equals(severity) || "PANIC".equals(severity);
  }

  /**
   * Class 08 (connection exception), 57P01-57P03 (shut down by an administrator, crashed, starting
   * up), 3D000 (the store's database does not exist: renamed or dropped) and class 28 (the store's
   * role cannot sign in).
   */
  private static boolean connectionLost(String sqlState) {
    return sqlState != null
        && (sqlState.startsWith("08")
            || sqlState.startsWith("28")
            || sqlState.equals("3D000")
            || sqlState.matches("57P0[123]"));
  }
}
