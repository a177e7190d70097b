package io.driftwatch.database;

import io.driftwatch.config.DriftwatchConfig;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.concurrent.TimeUnit;

/**
 * Opens one provider's connection pool to a watched database: read-only from the first packet, with
 * bounded session options (timeouts, application name). {@link TargetPools} decides when.
 */
public interface PoolFactory {

  /** The provider this factory opens pools for: {@link PrismaDatabaseUrl#provider()}. */
  String provider();

  /** A one-connection pool to the URL's database; called on a thread of no Vert.x context. */
  Pool open(PrismaDatabaseUrl url);

  /**
   * What every target pool is: one connection, closed when idle, waited for no longer than the
   * connect timeout.
   */
  static PoolOptions onePooledConnection(DriftwatchConfig.Target config) {
    return new PoolOptions()
        .setMaxSize(1)
        .setIdleTimeout((int) config.idleTimeout().toSeconds())
        .setIdleTimeoutUnit(TimeUnit.SECONDS)
        .setConnectionTimeout((int) Math.max(1, config.connectTimeout().toSeconds()))
        .setConnectionTimeoutUnit(TimeUnit.SECONDS);
  }
}
