package io.driftwatch.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * The service's store on a PostgreSQL server of its own, which a test may stop and start again
 * (same port, same data), to see the service through its database restarting. Gives the same
 * settings as {@link StoreDatabase}.
 */
public class RestartableStore implements QuarkusTestResourceLifecycleManager {

  private static volatile EmbeddedServer server;

  /** The store server of the running test application. */
  public static EmbeddedServer server() {
    if (server == null) {
      throw new IllegalStateException("RestartableStore is not the test application's resource");
    }
    return server;
  }

  @Override
  public Map<String, String> start() {
    server = EmbeddedServer.launch();
    TestPostgres.Server store = server.server();
    return Map.of(
        "quarkus.datasource.jdbc.url", store.jdbcUrl("postgres"),
        "quarkus.datasource.reactive.url", store.reactiveUrl("postgres"),
        "quarkus.datasource.username", store.user(),
        "quarkus.datasource.password", store.password());
  }

  @Override
  public void stop() {
    if (server != null) {
      server.close();
      server = null;
    }
  }
}
