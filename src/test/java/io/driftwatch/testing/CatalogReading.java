package io.driftwatch.testing;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.database.postgres.PostgresCatalogReader;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A Vert.x pool on one test database, connected the way target pools connect (read-only
 * transactions by default), to read its catalog with {@link PostgresCatalogReader}. Closed with
 * {@link #close()}.
 */
public final class CatalogReading implements AutoCloseable {

  private static final Duration TIMEOUT = Duration.ofSeconds(30);

  private final Vertx vertx;
  private final Pool pool;
  private final PostgresCatalogReader reader = new PostgresCatalogReader();

  private CatalogReading(Vertx vertx, Pool pool) {
    this.vertx = vertx;
    this.pool = pool;
  }

  public static CatalogReading of(String database) {
    TestPostgres.Server server = TestPostgres.server();
    PgConnectOptions options =
        new PgConnectOptions()
            .setHost(server.host())
            .setPort(server.port())
            .setDatabase(database)
            .setUser(server.user())
            .setPassword(server.password())
            .setCachePreparedStatements(false)
            .setProperties(
                Map.of(
                    "application_name", "driftwatch-test", "default_transaction_read_only", "on"));
    Vertx vertx = Vertx.vertx();
    Pool pool =
        Pool.newInstance(
            PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(1))
                .connectingTo(options)
                .using(vertx.getDelegate())
                .build());
    return new CatalogReading(vertx, pool);
  }

  /**
   * The catalog of these schemas (every user schema when none), read in one read-only transaction.
   */
  public Catalog read(String... schemas) {
    return inTransaction(connection -> reader.read(connection, Set.of(schemas)));
  }

  public <T> T inTransaction(Function<SqlConnection, Uni<T>> work) {
    return pool.withTransaction(work).await().atMost(TIMEOUT);
  }

  /** Work on a connection outside any transaction block. */
  public <T> T onConnection(Function<SqlConnection, Uni<T>> work) {
    return pool.withConnection(work).await().atMost(TIMEOUT);
  }

  @Override
  public void close() {
    pool.closeAndAwait();
    vertx.closeAndAwait();
  }
}
