package io.driftwatch.shadow;

import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.core.replay.ExpectedSchema;
import io.driftwatch.core.replay.ExpectedSchema.ReplayFailure;
import io.driftwatch.core.replay.ReplayPlan;
import io.driftwatch.core.replay.ReplayPlan.ReplayStep;
import io.driftwatch.target.PostgresCatalogReader;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Builds the schema the applied migrations produce, as Prisma builds its shadow database: a scratch
 * database on the shadow server, the migration's schema created first, each script sent as one
 * simple query (so a script runs in one implicit transaction, and a lone CREATE INDEX CONCURRENTLY
 * runs outside one), then read with the same catalog reader as the live database. The scratch
 * database is always dropped, also when a script fails or the replay times out.
 */
@ApplicationScoped
public class ShadowReplayer {

  private static final Logger LOG = Logger.getLogger(ShadowReplayer.class);
  private static final String SERVER_FACTS = "SELECT current_setting('server_version_num')::int / 10000 AS major,"
      + " ARRAY(SELECT name FROM pg_catalog.pg_available_extensions ORDER BY name) AS extensions";

  private final Vertx vertx;
  private final ShadowServer server;
  private final PostgresCatalogReader catalogs;
  private final Duration timeout;
  private final java.util.Map<String, Uni<Server>> facts = new java.util.concurrent.ConcurrentHashMap<>();

  public ShadowReplayer(Vertx vertx, ShadowServer server, PostgresCatalogReader catalogs, DriftwatchConfig config) {
    this.vertx = vertx;
    this.server = server;
    this.catalogs = catalogs;
    this.timeout = config.shadow().timeout();
  }

  /** Replays the plan on the global shadow server; the catalog covers {@code schemas} (empty: every schema). */
  public Uni<ExpectedSchema> replay(ReplayPlan plan, Set<String> schemas) {
    return replay(plan, schemas, server.global());
  }

  /** Replays the plan on this shadow server. */
  public Uni<ExpectedSchema> replay(ReplayPlan plan, Set<String> schemas, ShadowTarget target) {
    String scratch = "dw_shadow_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    PgConnectOptions maintenance = target.maintenanceOptions();
    return PgConnection.connect(vertx, maintenance).flatMap(admin -> admin.query("CREATE DATABASE " + quote(scratch))
        .execute()
        .flatMap(created -> replayInto(plan, schemas, target.databaseOptions(scratch, plan.schema())))
        .ifNoItem().after(timeout).failWith(() -> new ShadowUnavailableException(
            "the shadow replay of " + plan.steps().size() + " migrations did not finish within " + timeout.toSeconds()
                + " s (driftwatch.shadow.timeout)"))
        .onTermination().call(() -> admin.query("DROP DATABASE IF EXISTS " + quote(scratch) + " WITH (FORCE)").execute()
            .onFailure().invoke(e -> LOG.warnf("could not drop the shadow database %s: %s", scratch, e.getMessage()))
            .onFailure().recoverWithNull()
            .eventually(admin::close)))
        .onFailure(failure -> !(failure instanceof ShadowUnavailableException))
        .transform(failure -> new ShadowUnavailableException("the shadow server " + target.describe()
            + " cannot replay migrations: " + failure.getMessage()));
  }

  private Uni<ExpectedSchema> replayInto(ReplayPlan plan, Set<String> schemas, PgConnectOptions options) {
    return PgConnection.connect(vertx, options).flatMap(connection -> connection
        .query(SERVER_FACTS).execute()
        .flatMap(rows -> connection.query("CREATE SCHEMA IF NOT EXISTS " + quote(plan.schema())).execute()
            .flatMap(ignored -> run(connection, plan, 0, facts(rows), schemas, new java.util.ArrayList<>())))
        .eventually(connection::close));
  }

  /** One script after the other; the first that fails ends the replay, as it ends Prisma's. */
  /** What the shadow server is: its major version and the extensions it can install. */
  public record Server(int major, Set<String> extensions) {}

  /** The global shadow server's facts. */
  public Uni<Server> serverFacts() {
    return serverFacts(server.global());
  }

  /** A shadow server's facts, asked once and kept ten minutes. */
  public Uni<Server> serverFacts(ShadowTarget target) {
    return facts.computeIfAbsent(target.describe(),
        key -> Uni.createFrom().deferred(() -> askFacts(target)).memoize().atLeast(Duration.ofMinutes(10)));
  }

  private Uni<Server> askFacts(ShadowTarget target) {
    return PgConnection.connect(vertx, target.maintenanceOptions()).flatMap(connection -> connection
        .query(SERVER_FACTS).execute().map(ShadowReplayer::facts)
        .eventually(connection::close));
  }

  private static Server facts(io.vertx.mutiny.sqlclient.RowSet<Row> rows) {
    Row row = rows.iterator().next();
    return new Server(row.getInteger("major"), new HashSet<>(java.util.Arrays.asList(row.getArrayOfStrings("extensions"))));
  }

  /**
   * One script after the other; the first applied migration that fails ends the replay, as it ends Prisma's. A
   * pending one that fails is recorded and the replay goes on: its script ran in one implicit transaction, so
   * it left nothing behind.
   */
  private Uni<ExpectedSchema> run(PgConnection connection, ReplayPlan plan, int index, Server shadow,
      Set<String> schemas, java.util.List<ReplayFailure> pendingFailures) {
    if (index == plan.steps().size()) {
      return catalogs.read(connection, schemas).map(catalog -> ExpectedSchema.of(catalog, shadow.extensions(), false)
          .withPendingFailures(pendingFailures));
    }
    ReplayStep step = plan.steps().get(index);
    return connection.query(step.sql()).execute()
        .map(done -> Optional.<ReplayFailure>empty())
        .onFailure(PgException.class).recoverWithItem(failure -> {
          PgException pg = (PgException) failure;
          return Optional.of(new ReplayFailure(step.migration(), pg.getSqlState(), pg.getErrorMessage()));
        })
        .flatMap(failed -> {
          if (failed.isEmpty()) {
            return run(connection, plan, index + 1, shadow, schemas, pendingFailures);
          }
          if (step.pending()) {
            pendingFailures.add(failed.get());
            return rollbackLeftovers(connection)
                .flatMap(ignored -> run(connection, plan, index + 1, shadow, schemas, pendingFailures));
          }
          return Uni.createFrom().item(ExpectedSchema.failed(failed.get(), shadow.major(), shadow.extensions())
              .withPendingFailures(pendingFailures));
        });
  }

  /** A script with its own BEGIN that failed leaves its transaction open: end it before the next one. */
  private static Uni<Void> rollbackLeftovers(PgConnection connection) {
    return connection.query("ROLLBACK").execute().replaceWithVoid().onFailure().recoverWithNull();
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** Options for the scratch database: Prisma's search path is the migration schema. */
  static Map<String, String> sessionProperties(String schema) {
    Map<String, String> properties = new HashMap<>();
    properties.put("application_name", "driftwatch-shadow");
    properties.put("search_path", quote(schema));
    return properties;
  }
}
