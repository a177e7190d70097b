package io.driftwatch.boot;

import io.driftwatch.cli.DriftwatchCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the service; on a machine with no datasource configured, on an embedded PostgreSQL first,
 * listening on loopback only. {@code check} as the first argument runs the command instead, without
 * starting the service.
 */
@QuarkusMain
public final class DriftwatchMain {

  private DriftwatchMain() {}

  public static void main(String... args) {
    if (DriftwatchCommand.handles(args)) {
      DriftwatchCommand.main(args);
      return;
    }
    EmbeddedStore.startIfUnconfigured();
    QuickStartHost.apply();
    Quarkus.run(args);
  }
}
