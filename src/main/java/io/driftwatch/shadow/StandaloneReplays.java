package io.driftwatch.shadow;

import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.core.replay.ExpectedSchema;
import io.driftwatch.core.replay.ReplayPlan;
import io.driftwatch.database.PrismaDatabaseUrl;
import io.driftwatch.database.SchemaReplays;
import io.driftwatch.database.ShadowUnavailableException;
import io.driftwatch.database.mysql.MySqlCatalogReader;
import io.driftwatch.database.mysql.MySqlUrlSyntax;
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
  private final MySqlShadowReplayer mysql;
  private final Optional<PrismaDatabaseUrl> mysqlShadow;

  private StandaloneReplays(
      ShadowReplayer replayer,
      SandboxTeardowns teardowns,
      ShadowTarget target,
      MySqlShadowReplayer mysql,
      Optional<PrismaDatabaseUrl> mysqlShadow) {
    this.replayer = replayer;
    this.teardowns = teardowns;
    this.target = target;
    this.mysql = mysql;
    this.mysqlShadow = mysqlShadow;
  }

  /**
   * On the shadow server of {@code driftwatch.shadow.url} (PostgreSQL) and {@code
   * driftwatch.shadow.mysql-url} (MySQL), or on none.
   */
  public static StandaloneReplays open(
      Vertx vertx,
      DriftwatchConfig config,
      PostgresCatalogReader catalogs,
      MySqlCatalogReader mysqlCatalogs) {
    MySqlShadowReplayer mysql = new MySqlShadowReplayer(vertx, config, mysqlCatalogs);
    Optional<PrismaDatabaseUrl> mysqlShadow = config.shadow().mysqlUrl().map(MySqlUrlSyntax::parse);
    if (config.shadow().url().isEmpty()) {
      return new StandaloneReplays(null, null, null, mysql, mysqlShadow);
    }
    ShadowServer server =
        new ShadowServer(config, Optional.empty(), Optional.empty(), Optional.empty());
    ShadowConnector connector = new ShadowConnector(vertx, config);
    SandboxTeardowns teardowns = new SandboxTeardowns();
    ShadowReplayer replayer =
        new ShadowReplayer(
            connector, server, new ReplaySandboxes(connector, teardowns, config), catalogs, config);
    return new StandaloneReplays(replayer, teardowns, server.global(), mysql, mysqlShadow);
  }

  @Override
  public Uni<ExpectedSchema> of(ReplayPlan plan, Optional<PrismaDatabaseUrl> own, String provider) {
    if (provider.equals(MySqlUrlSyntax.INSTANCE.scheme())) {
      return mysqlShadow.isEmpty()
          ? Uni.createFrom()
              .failure(
                  new ShadowUnavailableException(
                      "no MySQL shadow server was given (--shadow-url mysql://...): schema drift"
                          + " was not checked"))
          : mysql.replay(plan, mysqlShadow.get());
    }
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
