package io.driftwatch.shadow;

import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.replay.ExpectedSchema;
import io.driftwatch.core.replay.ExpectedSchema.ReplayFailure;
import io.driftwatch.core.replay.ReplayPlan;
import io.driftwatch.core.replay.ReplayPlan.ReplayStep;
import io.driftwatch.database.ShadowUnavailableException;
import io.driftwatch.database.postgres.PostgresCatalogReader;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collector;
import java.util.stream.Collectors;

/**
 * Builds the schema migrations produce, as Prisma builds its shadow database, but treating every
 * script as hostile: each replay runs in a sandbox of its own ({@link ReplaySandboxes}), as a role
 * with no privilege outside the scratch database it owns. The migration's schema is created first,
 * each script is sent as one simple query (so a script runs in one implicit transaction, and a lone
 * CREATE INDEX CONCURRENTLY runs outside one), then the database is read with the same catalog
 * reader as the live one.
 *
 * <p>What a script can do to driftwatch itself is bounded too: a script the server could not be
 * stopped reading is never sent ({@link ReplayGuard}); rows a script returns are counted, never
 * kept; its notices are dropped; the error a report quotes is cut short ({@link ReplayErrors});
 * past the shadow timeout the running statement is cancelled at once (PostgreSQL's cancel request)
 * and the session closed, and the sandbox is always dropped, in the background once the replay has
 * its answer: the backend is terminated there if it did not stop. Every connection and every wait
 * on the server is bounded ({@link ShadowConnector}).
 */
@ApplicationScoped
public class ShadowReplayer {

  private static final String SERVER_FACTS =
      """
      SELECT pg_catalog.current_setting('server_version_num')::int / 10000 AS major,
        ARRAY(SELECT name::text FROM pg_catalog.pg_available_extensions ORDER BY name) AS extensions,
        r.rolsuper AS superuser, r.rolcreatedb AS createdb, r.rolcreaterole AS createrole, r.rolname::text AS manager
      FROM pg_catalog.pg_roles r WHERE r.rolname = current_user""";

  /**
   * PostgreSQL 15+: a manager that is no superuser may still have been granted SET on
   * temp_file_limit.
   */
  private static final String MAY_LIMIT_TEMP_FILES =
      "SELECT pg_catalog.has_parameter_privilege('temp_file_limit', " + "'SET') AS granted";

  /**
   * PostgreSQL 15+ gives the public schema to pg_database_owner, whose privileges a NOINHERIT owner
   * must take.
   */
  private static final String PUBLIC_OWNED_BY_DATABASE_OWNER =
      """
      SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_namespace n JOIN pg_catalog.pg_roles o ON o.oid = n.nspowner
        WHERE n.nspname = 'public' AND o.rolname = 'pg_database_owner') AS owned""";

  /**
   * What a script returns is counted, never kept: a SELECT of a billion rows must not fill
   * driftwatch's memory.
   */
  private static final Collector<io.vertx.sqlclient.Row, ?, Long> COUNTED = Collectors.counting();

  /** A server's facts are asked again after this; a failure to get them is not kept. */
  private static final Duration FACTS_KEPT = Duration.ofMinutes(10);

  private final ShadowConnector connector;
  private final ShadowServer server;
  private final ReplaySandboxes sandboxes;
  private final PostgresCatalogReader catalogs;
  private final Duration timeout;
  private final long maxScriptBytes;
  private final Map<String, KnownServer> facts = new ConcurrentHashMap<>();

  public ShadowReplayer(
      ShadowConnector connector,
      ShadowServer server,
      ReplaySandboxes sandboxes,
      PostgresCatalogReader catalogs,
      DriftwatchConfig config) {
    this.connector = connector;
    this.server = server;
    this.sandboxes = sandboxes;
    this.catalogs = catalogs;
    this.timeout = config.shadow().timeout();
    this.maxScriptBytes = config.shadow().maxScriptBytes();
  }

  /**
   * What the shadow server is, and what its manager role may do there.
   *
   * @param extensions the extensions it has (trusted ones install in a replay; the others only from
   *     a template)
   * @param mayManage the manager may create roles and databases: without it nothing is replayed
   * @param limitsTempFiles the manager may set temp_file_limit on the replay role
   */
  public record Server(
      int major,
      Set<String> extensions,
      String manager,
      boolean mayManage,
      boolean limitsTempFiles) {}

  /**
   * Replays the plan on the global shadow server; the catalog covers {@code schemas} (empty: every
   * schema).
   */
  public Uni<ExpectedSchema> replay(ReplayPlan plan, Set<String> schemas) {
    return replay(plan, schemas, server.global());
  }

  /** Replays the plan on this shadow server. */
  public Uni<ExpectedSchema> replay(ReplayPlan plan, Set<String> schemas, ShadowTarget target) {
    return serverFacts(target)
        .flatMap(
            shadow -> {
              if (!shadow.mayManage()) {
                return Uni.createFrom()
                    .failure(
                        new ShadowUnavailableException(
                            "the shadow server's role `"
                                + shadow.manager()
                                + "` may not create roles and databases (it needs CREATEDB and CREATEROLE, or superuser): driftwatch "
                                + "runs migrations only as a role it creates for each replay, never as the role it is given"));
              }
              Replay replay = new Replay(plan, shadow);
              return sandboxes
                  .open(target, shadow)
                  .flatMap(
                      sandbox ->
                          replayIn(target, sandbox, replay, schemas)
                              .ifNoItem()
                              .after(timeout)
                              .recoverWithUni(replay::timedOut)
                              .onTermination()
                              .invoke(
                                  (item, failure, cancelled) -> {
                                    if (cancelled) {
                                      replay.stop(); // the audit was given up: nothing of it may go
                                      // on running
                                    }
                                    sandboxes.dismantle(target, sandbox);
                                  }));
            })
        .onFailure(failure -> !(failure instanceof ShadowUnavailableException))
        .transform(
            failure ->
                new ShadowUnavailableException(
                    "the shadow server "
                        + target.describe()
                        + " cannot replay migrations: "
                        + ReplayErrors.bounded(failure.getMessage())));
  }

  /** The global shadow server's facts. */
  public Uni<Server> serverFacts() {
    return serverFacts(server.global());
  }

  /**
   * A shadow server's facts, kept ten minutes once known. Asked within the connect timeout: a
   * server that does not answer is unavailable now, and asked again by the next replay.
   */
  public Uni<Server> serverFacts(ShadowTarget target) {
    KnownServer known = facts.get(target.describe());
    if (known != null && known.askedAt().plus(FACTS_KEPT).isAfter(Instant.now())) {
      return Uni.createFrom().item(known.server());
    }
    return askFacts(target)
        .invoke(asked -> facts.put(target.describe(), new KnownServer(asked, Instant.now())))
        .onFailure(failure -> !(failure instanceof ShadowUnavailableException))
        .transform(
            failure ->
                new ShadowUnavailableException(
                    "the shadow server "
                        + target.describe()
                        + " cannot be asked what it is: "
                        + ReplayErrors.bounded(failure.getMessage())));
  }

  private record KnownServer(Server server, Instant askedAt) {}

  private Uni<Server> askFacts(ShadowTarget target) {
    return connector
        .quick(target)
        .flatMap(
            connection ->
                connector
                    .quickAnswer(
                        connection
                            .query(SERVER_FACTS)
                            .execute()
                            .flatMap(
                                rows -> {
                                  Row row = rows.iterator().next();
                                  int major = row.getInteger("major");
                                  boolean superuser = row.getBoolean("superuser");
                                  Uni<Boolean> limitsTempFiles =
                                      superuser || major < 15
                                          ? Uni.createFrom().item(superuser)
                                          : connection
                                              .query(MAY_LIMIT_TEMP_FILES)
                                              .execute()
                                              .map(
                                                  granted ->
                                                      granted
                                                          .iterator()
                                                          .next()
                                                          .getBoolean("granted"));
                                  return limitsTempFiles.map(
                                      limits ->
                                          new Server(
                                              major,
                                              new HashSet<>(
                                                  Arrays.asList(
                                                      row.getArrayOfStrings("extensions"))),
                                              row.getString("manager"),
                                              superuser
                                                  || (row.getBoolean("createdb")
                                                      && row.getBoolean("createrole")),
                                              limits));
                                }),
                        target)
                    .eventually(connection::close));
  }

  private Uni<ExpectedSchema> replayIn(
      ShadowTarget target, ReplaySandbox sandbox, Replay replay, Set<String> schemas) {
    return connector
        .replay(target, sandbox, replay.plan.schema())
        .flatMap(
            connection -> {
              replay.connection = connection;
              AtomicBoolean closed = new AtomicBoolean();
              connection.closeHandler(() -> closed.set(true));
              connection.noticeHandler(
                  notice -> {}); // a script's RAISE NOTICE in a loop must not flood the log
              return ownPublicSchema(connection, sandbox)
                  .flatMap(
                      owned ->
                          connection
                              .query(
                                  "CREATE SCHEMA IF NOT EXISTS "
                                      + ReplaySandbox.quote(replay.plan.schema()))
                              .execute())
                  .flatMap(created -> run(connection, closed, replay, schemas))
                  // Once stopped, the replay has its answer: the error its cancelled, closed
                  // session ends with is expected.
                  .onFailure(failure -> replay.stopped)
                  .recoverWithNull()
                  .eventually(connection::close);
            });
  }

  /**
   * The replay role takes the privileges on {@code public} that its NOINHERIT attribute keeps it
   * from inheriting.
   */
  private static Uni<Void> ownPublicSchema(PgConnection connection, ReplaySandbox sandbox) {
    return connection
        .query(PUBLIC_OWNED_BY_DATABASE_OWNER)
        .execute()
        .flatMap(
            rows ->
                rows.iterator().next().getBoolean("owned")
                    ? connection
                        .query(
                            "SET ROLE pg_database_owner; GRANT ALL ON SCHEMA public TO "
                                + ReplaySandbox.quote(sandbox.role())
                                + " WITH GRANT OPTION; RESET ROLE")
                        .execute()
                        .replaceWithVoid()
                    : Uni.createFrom().voidItem());
  }

  /**
   * One sent script after the other. The first applied migration that fails ends the replay, as it
   * ends Prisma's. A pending one, or a failed one run again, that fails is recorded and the replay
   * goes on: its script ran in one implicit transaction, so it left nothing behind (unless the
   * failure ended the session, which ends the replay too). A loop over the scripts, not a call per
   * script: a Uni chained per script nests a stack frame per script when the last one completes,
   * and overflows the stack on long histories.
   */
  private Uni<ExpectedSchema> run(
      PgConnection connection, AtomicBoolean closed, Replay replay, Set<String> schemas) {
    return Multi.createFrom()
        .iterable(replay.sent)
        .onItem()
        .transformToUniAndConcatenate(step -> send(connection, closed, replay, step))
        .select()
        .where(Optional::isPresent)
        .toUni()
        .flatMap(
            ended -> {
              if (ended != null) {
                return Uni.createFrom().item(replay.failed(ended.get()));
              }
              return replay.stop.isPresent()
                  ? Uni.createFrom().item(replay.failed(replay.stop.get()))
                  : catalogs.read(connection, schemas).map(replay::built);
            });
  }

  /** Sends one script: the failure that ends the replay, or empty when it goes on. */
  private static Uni<Optional<ReplayFailure>> send(
      PgConnection connection, AtomicBoolean closed, Replay replay, ReplayStep step) {
    replay.running = step;
    return UniHelper.toUni(connection.getDelegate().query(step.sql()).collecting(COUNTED).execute())
        .map(done -> Optional.<ReplayFailure>empty())
        .onFailure(PgException.class)
        .recoverWithItem(
            failure -> {
              PgException pg = (PgException) failure;
              if ("FATAL".equals(pg.getSeverity()) || "PANIC".equals(pg.getSeverity())) {
                closed.set(true); // the server ends the session after a FATAL error
              }
              return Optional.of(
                  ReplayErrors.of(step.migration(), pg.getSqlState(), pg.getErrorMessage()));
            })
        .onFailure(failure -> closed.get())
        .recoverWithItem(
            failure ->
                Optional.of(
                    ReplayErrors.of(
                        step.migration(),
                        "",
                        "its session ended while it ran: " + failure.getMessage())))
        .flatMap(
            failed -> {
              replay.running = null;
              if (failed.isEmpty() || !step.goesOnPastFailure() || closed.get()) {
                return Uni.createFrom().item(failed);
              }
              replay.pendingFailures.add(failed.get());
              return rollbackLeftovers(connection).replaceWith(Optional.<ReplayFailure>empty());
            });
  }

  /**
   * A script with its own BEGIN that failed leaves its transaction open: end it before the next
   * one.
   */
  private static Uni<Void> rollbackLeftovers(PgConnection connection) {
    return connection.query("ROLLBACK").execute().replaceWithVoid().onFailure().recoverWithNull();
  }

  /**
   * One replay's plan, split before anything is sent: the scripts to send, in order, up to the
   * first applied one the guard refuses (it ends the replay there); the pending ones it refuses are
   * failures from the start.
   */
  private final class Replay {
    final ReplayPlan plan;
    final Server shadow;
    final List<ReplayStep> sent = new ArrayList<>();
    final List<ReplayFailure> pendingFailures = Collections.synchronizedList(new ArrayList<>());
    final Map<String, Integer> order = new HashMap<>();
    Optional<ReplayFailure> stop = Optional.empty();
    volatile ReplayStep running;

    /** The replay role's session, once open. */
    volatile PgConnection connection;

    volatile boolean stopped;

    Replay(ReplayPlan plan, Server shadow) {
      this.plan = plan;
      this.shadow = shadow;
      for (ReplayStep step : plan.steps()) {
        order.put(step.migration(), order.size());
        Optional<String> refusal = ReplayGuard.refusal(step.sql(), maxScriptBytes);
        if (refusal.isEmpty()) {
          sent.add(step);
        } else if (step.goesOnPastFailure()) {
          pendingFailures.add(ReplayErrors.notSent(step.migration(), refusal.get()));
        } else {
          stop = Optional.of(ReplayErrors.notSent(step.migration(), refusal.get()));
          break;
        }
      }
    }

    ExpectedSchema built(Catalog catalog) {
      return ExpectedSchema.of(catalog, shadow.extensions(), false)
          .withPendingFailures(inPlanOrder())
          .withRerunFailed(plan.rerunFailed());
    }

    ExpectedSchema failed(ReplayFailure failure) {
      return ExpectedSchema.failed(failure, shadow.major(), shadow.extensions())
          .withPendingFailures(inPlanOrder())
          .withRerunFailed(plan.rerunFailed());
    }

    /**
     * The time is up: the script then running is the one that took it, else the server was too
     * slow.
     */
    Uni<ExpectedSchema> timedOut() {
      ReplayStep step = running;
      stop();
      return step == null
          ? Uni.createFrom()
              .failure(
                  new ShadowUnavailableException(
                      "the shadow replay of "
                          + plan.steps().size()
                          + " migrations did not finish within "
                          + timeout.toSeconds()
                          + " s (driftwatch.shadow.timeout)"))
          : Uni.createFrom().item(failed(ReplayErrors.timedOut(step.migration(), timeout)));
    }

    /**
     * Stops what the replay runs on the server, without waiting: PostgreSQL's cancel request for
     * the running statement (sent on a connection of its own, as psql's Ctrl-C), then the session
     * is closed. A script that catches the cancel is terminated by the teardown after the cancel
     * grace.
     */
    void stop() {
      stopped = true;
      PgConnection session = connection;
      if (session == null) {
        return;
      }
      session
          .cancelRequest()
          .ifNoItem()
          .after(connector.connectTimeout())
          .fail()
          .onFailure()
          .recoverWithNull()
          .onTermination()
          .call(session::close)
          .subscribe()
          .with(done -> {}, failure -> {});
    }

    private List<ReplayFailure> inPlanOrder() {
      synchronized (pendingFailures) {
        return pendingFailures.stream()
            .sorted(
                Comparator.comparing(
                    failure -> order.getOrDefault(failure.migration(), Integer.MAX_VALUE)))
            .toList();
      }
    }
  }
}
