package io.driftwatch.database;

import io.vertx.mutiny.sqlclient.Pool;

/**
 * Opens one provider's connection pool to a watched database: read-only from the first packet, with
 * bounded session options (timeouts, application name). {@link TargetPools} decides when.
 */
public interface PoolFactory {

  /** The provider this factory opens pools for: {@link PrismaDatabaseUrl#provider()}. */
  String provider();

  /** A one-connection pool to the URL's database; called on a thread of no Vert.x context. */
  Pool open(PrismaDatabaseUrl url);
}
