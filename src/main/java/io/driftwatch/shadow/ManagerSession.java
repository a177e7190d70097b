package io.driftwatch.shadow;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * The manager's session as a teardown uses it, on a teardown thread: one statement after the other,
 * each waited for within the manager's bound (the server ends a statement at its statement_timeout;
 * past the bound it is taken as not answering). Closed when the teardown is done.
 */
final class ManagerSession implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(ManagerSession.class);

  /** Beyond the connector's own bound on every call: the await is never the wait that decides. */
  private static final Duration SLACK = Duration.ofSeconds(2);

  private final PgConnection connection;
  private final ShadowTarget target;
  private final ShadowConnector connector;

  private ManagerSession(PgConnection connection, ShadowTarget target, ShadowConnector connector) {
    this.connection = connection;
    this.target = target;
    this.connector = connector;
  }

  static ManagerSession open(ShadowConnector connector, ShadowTarget target) {
    PgConnection connection =
        connector.manager(target).await().atMost(connector.connectTimeout().plus(SLACK));
    return new ManagerSession(connection, target, connector);
  }

  RowSet<Row> execute(String sql) {
    return await(connection.query(sql).execute());
  }

  RowSet<Row> execute(String sql, Tuple arguments) {
    return await(connection.preparedQuery(sql).execute(arguments));
  }

  /** Runs a statement; a failure is logged (when {@code what} names it) and swallowed. */
  void quietly(String sql, String what) {
    try {
      execute(sql);
    } catch (RuntimeException e) {
      if (what != null) {
        LOG.warnf(
            "could not drop %s on the shadow server %s: %s",
            what, target.describe(), e.getMessage());
      }
    }
  }

  private <T> T await(Uni<T> call) {
    return connector
        .managerAnswer(call, target)
        .await()
        .atMost(connector.managerAnswer().plus(SLACK));
  }

  @Override
  public void close() {
    try {
      connection.close().await().atMost(SLACK);
    } catch (RuntimeException e) {
      LOG.debugf(
          "the manager session on %s did not close cleanly: %s", target.describe(), e.getMessage());
    }
  }
}
