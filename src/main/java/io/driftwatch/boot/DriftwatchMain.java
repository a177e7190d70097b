package io.driftwatch.boot;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service; on a machine with no datasource configured, on an embedded PostgreSQL first,
 * listening on loopback only.
 */
@QuarkusMain
public final class DriftwatchMain {

  private DriftwatchMain() {}

  public static void main(String... args) {
    EmbeddedStore.startIfUnconfigured();
    QuickStartHost.apply();
    Quarkus.run(args);
  }
}
