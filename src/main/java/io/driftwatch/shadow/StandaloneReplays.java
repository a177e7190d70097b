package io.driftwatch.shadow;

import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.core.replay.ExpectedSchema;
import io.driftwatch.core.replay.ReplayPlan;
import io.driftwatch.database.PrismaDatabaseUrl;
import io.driftwatch.database.SchemaReplays;
import io.driftwatch.database.ShadowUnavailableException;
import io.driftwatch.database.postgres.PostgresCatalogReader;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import java.util.Optional;
import java.util.Set;

/**
 * The replays of a run with no store, for the command line: each one replayed afresh in a sandbox
 * on the shadow server given ({@code driftwatch.shadow.url}), under the service's sandbox rules;
 * none kept, since there is no store to keep them in. Without a shadow server every replay fails
 * with the reason, and the audit says drift was not checked.
 */
public final class StandaloneReplays implements SchemaReplays, AutoCloseable {

  private final ShadowReplayer replayer;
  private final SandboxTeardowns teardowns;
  private final ShadowTarget target;

  private StandaloneReplays(
      ShadowReplayer replayer, SandboxTeardowns teardowns, ShadowTarget target) {
    this.replayer = replayer;
    this.teardowns = teardowns;
    this.target = target;
  }

  /** On the shadow server of {@code driftwatch.shadow.url}, or on none. */
  public static StandaloneReplays open(
      Vertx vertx, DriftwatchConfig config, PostgresCatalogReader catalogs) {
    if (config.shadow().url().isEmpty()) {
      return new StandaloneReplays(null, null, null);
    }
    ShadowServer server =
        new ShadowServer(config, Optional.empty(), Optional.empty(), Optional.empty());
    ShadowConnector connector = new ShadowConnector(vertx, config);
    SandboxTeardowns teardowns = new SandboxTeardowns();
    ShadowReplayer replayer =
        new ShadowReplayer(
            connector, server, new ReplaySandboxes(connector, teardowns, config), catalogs, config);
    return new StandaloneReplays(replayer, teardowns, server.global());
  }

  @Override
  public Uni<ExpectedSchema> of(ReplayPlan plan, Optional<PrismaDatabaseUrl> own) {
    if (replayer == null) {
      return Uni.createFrom()
          .failure(
              new ShadowUnavailableException(
                  "no shadow server was given (--shadow-url): schema drift was not checked"));
    }
    return replayer.replay(plan, Set.of(), target);
  }

  /** Waits, within its bound, for the sandboxes to be dropped. */
  @Override
  public void close() {
    if (teardowns != null) {
      teardowns.drain();
    }
  }
}
