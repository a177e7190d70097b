package io.driftwatch.cli;

import io.driftwatch.audit.LocalCheck;
import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.database.DatabaseDialects;
import io.driftwatch.database.OutboundPolicy;
import io.driftwatch.database.TargetPools;
import io.driftwatch.database.TargetReads;
import io.driftwatch.database.mysql.MySqlCatalogReader;
import io.driftwatch.database.mysql.MySqlDialect;
import io.driftwatch.database.mysql.MySqlPools;
import io.driftwatch.database.mysql.MySqlTargetReader;
import io.driftwatch.database.postgres.PostgresCatalogReader;
import io.driftwatch.database.postgres.PostgresDialect;
import io.driftwatch.database.postgres.PostgresPools;
import io.driftwatch.database.postgres.PostgresTargetReader;
import io.driftwatch.shadow.StandaloneReplays;
import io.driftwatch.source.ScriptMemory;
import io.driftwatch.source.SourceBounds;
import io.driftwatch.source.adapters.MigrationSources;
import io.driftwatch.source.git.GitMirrors;
import io.vertx.mutiny.core.Vertx;
import java.util.List;

/**
 * The parts a local check runs on, wired by hand as the container would wire them for the service
 * (the same classes, the same configuration), and closed together: the sandboxes dropped, the pools
 * and the event loop closed.
 */
final class LocalParts implements AutoCloseable {

  private final Vertx vertx;
  private final TargetPools pools;
  private final StandaloneReplays replays;
  private final LocalCheck check;

  private LocalParts(Vertx vertx, TargetPools pools, StandaloneReplays replays, LocalCheck check) {
    this.vertx = vertx;
    this.pools = pools;
    this.replays = replays;
    this.check = check;
  }

  static LocalParts open(DriftwatchConfig config) {
    Vertx vertx = Vertx.vertx();
    OutboundPolicy outbound = new OutboundPolicy(config);
    PostgresCatalogReader catalogs = new PostgresCatalogReader();
    TargetPools pools =
        new TargetPools(
            List.of(new PostgresPools(vertx, config), new MySqlPools(vertx, config)),
            config.target().maxOpenPools());
    TargetReads reads = new TargetReads(pools, outbound, config);
    PostgresTargetReader targets = new PostgresTargetReader(reads, catalogs);
    MySqlCatalogReader mysqlCatalogs = new MySqlCatalogReader();
    StandaloneReplays replays = StandaloneReplays.open(vertx, config, catalogs, mysqlCatalogs);
    MigrationSources sources =
        new MigrationSources(
            config,
            new GitMirrors(config),
            outbound,
            new SourceBounds(config),
            new ScriptMemory(config));
    LocalCheck check =
        new LocalCheck(
            sources,
            new DatabaseDialects(
                List.of(
                    new PostgresDialect(targets, catalogs),
                    new MySqlDialect(
                        new MySqlTargetReader(reads, mysqlCatalogs, config), mysqlCatalogs))),
            replays);
    return new LocalParts(vertx, pools, replays, check);
  }

  LocalCheck check() {
    return check;
  }

  @Override
  public void close() {
    replays.close();
    pools.closeAll();
    vertx.closeAndAwait();
  }
}
