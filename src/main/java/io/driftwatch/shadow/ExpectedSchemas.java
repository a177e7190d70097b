package io.driftwatch.shadow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.replay.ExpectedSchema;
import io.driftwatch.core.replay.ExpectedSchema.ReplayFailure;
import io.driftwatch.core.replay.ReplayPlan;
import io.driftwatch.database.PrismaDatabaseUrl;
import io.driftwatch.database.SchemaReplays;
import io.driftwatch.database.ShadowUnavailableException;
import io.driftwatch.database.mysql.MySqlCatalogReader;
import io.driftwatch.database.mysql.MySqlServer;
import io.driftwatch.database.mysql.MySqlUrlSyntax;
import io.driftwatch.database.postgres.PostgresCatalogReader;
import io.driftwatch.store.CatalogSnapshotRepository;
import io.driftwatch.store.CatalogSnapshotRepository.Snapshot;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * The schema the applied migrations produce: from the store when these scripts were replayed before
 * on a server of the same major version, else replayed now and kept. A replay is kept whole, failed
 * or not (its catalog, the migration that stopped it, those it went on past), when its outcome is
 * the scripts' own ({@link ExpectedSchema#settled()}): a failed history is not replayed on every
 * audit, while a sandbox refusal or a timeout is tried again.
 */
@ApplicationScoped
public class ExpectedSchemas implements SchemaReplays {

  private static final Logger LOG = Logger.getLogger(ExpectedSchemas.class);
  static final String REPLAYS = "driftwatch.shadow.replays";

  /** The last outcomes used, by key: an audit at an unchanged commit parses nothing. */
  private final Map<String, Kept> recent =
      Collections.synchronizedMap(
          new LinkedHashMap<>(32, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Kept> eldest) {
              return size() > 32;
            }
          });

  /**
   * What is kept of a replay.
   *
   * @param catalog what it built; null when an applied migration stopped it
   * @param failures its failures; null when it had none
   */
  record Kept(Catalog catalog, Failures failures) {

    static Kept of(ExpectedSchema expected) {
      boolean failed = expected.failure().isPresent() || !expected.pendingFailures().isEmpty();
      return new Kept(
          expected.catalog().orElse(null),
          failed
              ? new Failures(expected.failure().orElse(null), expected.pendingFailures())
              : null);
    }

    /** The outcome again, as read from the store, for this plan on this server. */
    ExpectedSchema expected(ReplayPlan plan, ShadowReplayer.Server server) {
      return expected(plan, server.major(), server.extensions());
    }

    ExpectedSchema expected(ReplayPlan plan, int serverMajor, Set<String> extensions) {
      int major = catalog == null ? serverMajor : catalog.serverMajorVersion();
      return new ExpectedSchema(
          Optional.ofNullable(catalog),
          Optional.ofNullable(failures == null ? null : failures.stop()),
          major,
          extensions,
          true,
          failures == null ? List.of() : failures.passed(),
          plan.rerunFailed());
    }
  }

  /**
   * The failures column: the migration that stopped the replay (or null), those it went on past.
   */
  record Failures(ReplayFailure stop, List<ReplayFailure> passed) {

    Failures {
      passed = passed == null ? List.of() : List.copyOf(passed);
    }
  }

  private final ShadowReplayer replayer;
  private final MySqlShadowReplayer mysql;
  private final Optional<PrismaDatabaseUrl> mysqlShadow;
  private final ShadowServer shadows;
  private final CatalogSnapshotRepository store;
  private final ObjectMapper json;
  private final MeterRegistry metrics;

  public ExpectedSchemas(
      ShadowReplayer replayer,
      MySqlShadowReplayer mysql,
      DriftwatchConfig config,
      ShadowServer shadows,
      CatalogSnapshotRepository store,
      ObjectMapper json,
      MeterRegistry metrics) {
    this.replayer = replayer;
    this.mysql = mysql;
    this.mysqlShadow = config.shadow().mysqlUrl().map(MySqlUrlSyntax::parse);
    this.shadows = shadows;
    this.store = store;
    this.json = json;
    this.metrics = metrics;
  }

  public Uni<ExpectedSchema> of(ReplayPlan plan) {
    return of(plan, shadows.global());
  }

  @Override
  public Uni<ExpectedSchema> of(ReplayPlan plan, Optional<PrismaDatabaseUrl> own, String provider) {
    if (provider.equals(MySqlUrlSyntax.INSTANCE.scheme())) {
      return ofMySql(plan, own.or(() -> mysqlShadow));
    }
    ShadowTarget target;
    try {
      target = own.map(ShadowTarget::of).orElseGet(shadows::global);
    } catch (IllegalArgumentException unusable) {
      return Uni.createFrom()
          .failure(
              new ShadowUnavailableException(
                  "the shadow database URL cannot be used: " + unusable.getMessage()));
    }
    return of(plan, target);
  }

  /** On this shadow server (an environment's own, or the global one). */
  public Uni<ExpectedSchema> of(ReplayPlan plan, ShadowTarget target) {
    return replayer
        .serverFacts(target)
        .flatMap(
            server -> {
              String key = key(plan, server);
              return cached(key)
                  .flatMap(
                      found -> {
                        if (found.isPresent()) {
                          count("kept");
                          return Uni.createFrom().item(found.get().expected(plan, server));
                        }
                        count("replayed");
                        return replayer
                            .replay(plan, Set.of(), target)
                            .call(
                                expected ->
                                    expected.settled()
                                        ? keep(key, Kept.of(expected))
                                        : Uni.createFrom().voidItem());
                      });
            });
  }

  /**
   * On a MySQL or MariaDB shadow server: kept by the plan, the server's kind and version and the
   * MySQL reader's model, as PostgreSQL's are.
   */
  private Uni<ExpectedSchema> ofMySql(ReplayPlan plan, Optional<PrismaDatabaseUrl> shadow) {
    if (shadow.isEmpty()) {
      return Uni.createFrom()
          .failure(
              new ShadowUnavailableException(
                  "no MySQL shadow server is set (DRIFTWATCH_SHADOW_MYSQL_URL), nor one for this"
                      + " environment (shadowDatabaseUrl): a MySQL database's migrations replay on"
                      + " a MySQL server"));
    }
    PrismaDatabaseUrl url = shadow.get();
    return mysql
        .serverFacts(url)
        .flatMap(
            server -> {
              String key = mysqlKey(plan, server);
              return cached(key)
                  .flatMap(
                      found -> {
                        if (found.isPresent()) {
                          count("kept");
                          return Uni.createFrom()
                              .item(found.get().expected(plan, server.major(), Set.of()));
                        }
                        count("replayed");
                        return mysql
                            .replay(plan, url)
                            .call(
                                expected ->
                                    expected.settled()
                                        ? keep(key, Kept.of(expected))
                                        : Uni.createFrom().voidItem());
                      });
            });
  }

  static String mysqlKey(ReplayPlan plan, MySqlServer server) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(
          ("mysql|" + server.label() + "|" + plan.cacheKey(server.major()))
              .getBytes(StandardCharsets.UTF_8));
      digest.update(MySqlCatalogReader.MODEL_VERSION.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private void count(String result) {
    Counter.builder(REPLAYS)
        .description("Shadow replays this replica needed: run now, or kept from an earlier one")
        .tag("result", result)
        .register(metrics)
        .increment();
  }

  /**
   * The content key of a replay: the plan on this server's major version, the catalog reader's
   * model, and the extensions the server offers (a replay that stopped at an extension the server
   * lacks is kept, and replayed again once the server has it).
   */
  static String key(ReplayPlan plan, ShadowReplayer.Server server) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(plan.cacheKey(server.major()).getBytes(StandardCharsets.UTF_8));
      digest.update(PostgresCatalogReader.MODEL_VERSION.getBytes(StandardCharsets.UTF_8));
      digest.update(
          ("|" + String.join(",", new TreeSet<>(server.extensions())))
              .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Uni<Optional<Kept>> cached(String key) {
    Kept inMemory = recent.get(key);
    if (inMemory != null) {
      return Uni.createFrom().item(Optional.of(inMemory));
    }
    return store
        .find(key)
        .map(
            found -> {
              if (found.isEmpty()) {
                return Optional.empty();
              }
              try {
                String catalog = found.get().catalog();
                String failures = found.get().failures();
                Kept kept =
                    new Kept(
                        catalog == null ? null : json.readValue(catalog, Catalog.class),
                        failures == null ? null : json.readValue(failures, Failures.class));
                if (kept.catalog() == null
                    && (kept.failures() == null || kept.failures().stop() == null)) {
                  return Optional
                      .empty(); // neither a schema nor where it stopped: nothing to go on
                }
                recent.put(key, kept);
                return Optional.of(kept);
              } catch (JsonProcessingException e) {
                LOG.warnf(
                    "a kept replay cannot be read any more (%s); replaying again",
                    e.getOriginalMessage());
                return Optional.empty();
              }
            });
  }

  private Uni<Void> keep(String key, Kept kept) {
    String catalog;
    String failures;
    try {
      catalog = kept.catalog() == null ? null : json.writeValueAsString(kept.catalog());
      failures = kept.failures() == null ? null : json.writeValueAsString(kept.failures());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a replay's outcome cannot be written as JSON", e);
    }
    recent.put(key, kept);
    return store.keep(key, new Snapshot(catalog, failures));
  }
}
