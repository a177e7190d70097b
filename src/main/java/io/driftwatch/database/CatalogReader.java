package io.driftwatch.database;

import io.driftwatch.core.catalog.Catalog;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.Set;

/** Reads one provider's catalog into the engine's {@link Catalog}, on a connection given. */
public interface CatalogReader {

  /**
   * The schemas named (every user schema when empty), read in one batch.
   *
   * @param connection a connection, in the caller's transaction
   */
  Uni<Catalog> read(SqlConnection connection, Set<String> schemas);
}
