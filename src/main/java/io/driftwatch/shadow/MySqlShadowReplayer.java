package io.driftwatch.shadow;

import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.replay.ExpectedSchema;
import io.driftwatch.core.replay.ExpectedSchema.ReplayFailure;
import io.driftwatch.core.replay.ExpectedSchema.ReplayFailure.Cause;
import io.driftwatch.core.replay.ReplayPlan;
import io.driftwatch.core.replay.ReplayPlan.ReplayStep;
import io.driftwatch.core.sql.MySqlLexicon;
import io.driftwatch.core.sql.SqlScript;
import io.driftwatch.core.sql.SqlStatement;
import io.driftwatch.database.PrismaDatabaseUrl;
import io.driftwatch.database.ShadowUnavailableException;
import io.driftwatch.database.mysql.MySqlCatalogReader;
import io.driftwatch.database.mysql.MySqlPools;
import io.driftwatch.database.mysql.MySqlServer;
import io.driftwatch.database.mysql.MySqlSession;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.sqlclient.DatabaseException;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jboss.logging.Logger;

/**
 * Replays migrations on a MySQL or MariaDB shadow server, as Prisma's shadow database does for
 * {@code provider = "mysql"}, and reads the schema they build.
 *
 * <p>The sandbox: for each replay the manager account creates a database and a user of the same
 * fresh name ({@code dw_replay_<epoch seconds>_<random>}), the user granted every privilege on that
 * database and nothing else (no FILE, no SUPER, no other database, no GRANT OPTION), at most two
 * connections. The migrations run as that user; the manager runs no migration SQL. The database and
 * the user are dropped when the replay ends however it ends, and a replay first drops the sandboxes
 * whose name says they are older than twice the replay timeout (left by a replica that died).
 *
 * <p>Statement by statement, as Prisma's engine sends a MySQL script: MySQL commits each DDL
 * statement, so a pending migration that fails keeps its statements before the failing one, and
 * what follows is replayed on that, as a real deploy would run it. The first applied migration that
 * fails ends the replay (Prisma's P3006). The whole replay is bounded by {@code
 * driftwatch.shadow.timeout}: past it the replay's connection is killed from the manager's.
 */
@ApplicationScoped
public class MySqlShadowReplayer {

  private static final Logger LOG = Logger.getLogger(MySqlShadowReplayer.class);
  static final String PREFIX = "dw_replay_";
  private static final Pattern SANDBOX = Pattern.compile("dw_replay_([0-9]{1,12})_[0-9a-f]{10}");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** Error numbers that mean the sandbox refused, not that the script is wrong. */
  private static final Set<Integer> REFUSALS =
      Set.of(1044, 1045, 1142, 1143, 1227, 1370, 1410, 1419, 1226, 3024, 1969, 1205);

  private static final Duration FACTS_KEPT = Duration.ofMinutes(10);

  private record KnownServer(MySqlServer server, Instant askedAt) {}

  private final Map<String, KnownServer> facts = new ConcurrentHashMap<>();
  private final Vertx vertx;
  private final DriftwatchConfig config;
  private final MySqlCatalogReader catalogs;

  public MySqlShadowReplayer(Vertx vertx, DriftwatchConfig config, MySqlCatalogReader catalogs) {
    this.vertx = vertx;
    this.config = config;
    this.catalogs = catalogs;
  }

  /** The manager's connection options, bounded by the shadow connect timeout. */
  private MySQLConnectOptions managerOptions(PrismaDatabaseUrl shadow) {
    return MySqlPools.connectOptions(shadow, config.target())
        .setConnectTimeout((int) config.shadow().connectTimeout().toMillis());
  }

  private Uni<SqlConnection> connect(MySQLConnectOptions options) {
    Duration bound = config.shadow().connectTimeout();
    return UniHelper.toUni(
            io.vertx.mysqlclient.MySQLConnection.connect(vertx.getDelegate(), options))
        .map(connection -> SqlConnection.newInstance(connection))
        .ifNoItem()
        .after(bound)
        .failWith(
            () ->
                new ShadowUnavailableException(
                    "the MySQL shadow server at "
                        + options.getHost()
                        + ":"
                        + options.getPort()
                        + " did not answer within "
                        + bound.toSeconds()
                        + " s"));
  }

  /**
   * Which server the shadow is (its kind and version key the replays kept), kept ten minutes once
   * known, as PostgreSQL's facts are: an audit whose replay is kept opens no connection.
   */
  public Uni<MySqlServer> serverFacts(PrismaDatabaseUrl shadow) {
    String key = shadow.host() + ":" + shadow.port();
    KnownServer known = facts.get(key);
    if (known != null && known.askedAt().plus(FACTS_KEPT).isAfter(Instant.now())) {
      return Uni.createFrom().item(known.server());
    }
    return connect(managerOptions(shadow))
        .map(
            connection -> {
              MySqlServer server = MySqlSession.server(connection);
              connection.closeAndForget();
              facts.put(key, new KnownServer(server, Instant.now()));
              return server;
            })
        .onFailure(failure -> !(failure instanceof ShadowUnavailableException))
        .transform(failure -> unavailable(shadow, failure));
  }

  /** Replays the plan in a sandbox of its own on this shadow server. */
  public Uni<ExpectedSchema> replay(ReplayPlan plan, PrismaDatabaseUrl shadow) {
    String name =
        PREFIX + Instant.now().getEpochSecond() + "_" + HexFormat.of().formatHex(bytes(5));
    String password = HexFormat.of().formatHex(bytes(18));
    return connect(managerOptions(shadow))
        .flatMap(
            manager -> {
              MySqlServer server = MySqlSession.server(manager);
              return sweep(manager)
                  .flatMap(swept -> createSandbox(manager, name, password))
                  .flatMap(
                      created ->
                          replayAs(plan, shadow, server, name, password, manager)
                              .eventually(() -> dropSandbox(manager, name)))
                  .eventually(manager::close);
            })
        .onFailure(failure -> !(failure instanceof ShadowUnavailableException))
        .transform(failure -> unavailable(shadow, failure));
  }

  private static byte[] bytes(int count) {
    byte[] random = new byte[count];
    RANDOM.nextBytes(random);
    return random;
  }

  private static ShadowUnavailableException unavailable(
      PrismaDatabaseUrl shadow, Throwable failure) {
    String reason =
        failure instanceof DatabaseException db
            ? db.getMessage() + " (error " + db.getErrorCode() + ")"
            : failure.getMessage();
    return new ShadowUnavailableException(
        "the MySQL shadow server "
            + shadow.host()
            + ":"
            + shadow.port()
            + " cannot replay migrations: "
            + ReplayErrors.bounded(reason));
  }

  private static String quote(String name) {
    return '`' + name.replace("`", "``") + '`';
  }

  /** The user's account name: the host part {@code %}, so it may connect from wherever we are. */
  private static String account(String name) {
    return "'" + name + "'@'%'";
  }

  private Uni<Void> createSandbox(SqlConnection manager, String name, String password) {
    return manager
        .query(
            "CREATE DATABASE "
                + quote(name)
                + " DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
        .execute()
        .flatMap(
            created ->
                manager
                    .query(
                        "CREATE USER "
                            + account(name)
                            + " IDENTIFIED BY '"
                            + password
                            + "' WITH MAX_USER_CONNECTIONS 2")
                    .execute())
        .flatMap(
            user ->
                manager
                    .query("GRANT ALL PRIVILEGES ON " + quote(name) + ".* TO " + account(name))
                    .execute())
        .replaceWithVoid();
  }

  /** Drops the sandbox's user (its sessions first) and database; never fails the replay. */
  private Uni<Void> dropSandbox(SqlConnection manager, String name) {
    return killSessionsOf(manager, name)
        .flatMap(killed -> manager.query("DROP USER IF EXISTS " + account(name)).execute())
        .flatMap(dropped -> manager.query("DROP DATABASE IF EXISTS " + quote(name)).execute())
        .replaceWithVoid()
        .onFailure()
        .recoverWithUni(
            failure -> {
              LOG.warnf(
                  "the MySQL replay sandbox %s could not be dropped now (%s); the next replay drops it",
                  name, ReplayErrors.bounded(failure.getMessage()));
              return Uni.createFrom().voidItem();
            });
  }

  private static Uni<Void> killSessionsOf(SqlConnection manager, String user) {
    return manager
        .preparedQuery("SELECT ID FROM information_schema.PROCESSLIST WHERE USER = ?")
        .execute(Tuple.of(user))
        .flatMap(
            rows -> {
              List<Uni<Void>> kills = new ArrayList<>();
              rows.forEach(
                  row ->
                      kills.add(
                          manager
                              .query("KILL CONNECTION " + row.getLong("ID"))
                              .execute()
                              .replaceWithVoid()
                              .onFailure()
                              .recoverWithNull()));
              return kills.isEmpty()
                  ? Uni.createFrom().voidItem()
                  : Uni.join().all(kills).andCollectFailures().replaceWithVoid();
            });
  }

  /**
   * Drops the sandboxes whose name says they were made more than twice the replay timeout ago: a
   * replica that died mid-replay leaves its own, and nothing else would drop it.
   */
  private Uni<Void> sweep(SqlConnection manager) {
    long oldest = Instant.now().minus(config.shadow().timeout().multipliedBy(2)).getEpochSecond();
    return manager
        .query(
            "SELECT SCHEMA_NAME AS name FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE 'dw\\\\_replay\\\\_%'")
        .execute()
        .flatMap(
            rows -> {
              List<String> stale = new ArrayList<>();
              rows.forEach(
                  row -> {
                    String name = row.getString("name");
                    if (madeBefore(name, oldest)) {
                      stale.add(name);
                    }
                  });
              return Multi.createFrom()
                  .iterable(stale)
                  .onItem()
                  .transformToUniAndConcatenate(name -> dropSandbox(manager, name))
                  .collect()
                  .last()
                  .replaceWithVoid();
            })
        .onFailure()
        .recoverWithNull()
        .replaceWithVoid();
  }

  /**
   * Whether a database the server lists is a sandbox of ours made before then: only a name of
   * exactly our shape counts (it is written into DROP statements), whatever else matched the LIKE.
   */
  static boolean madeBefore(String name, long epochSeconds) {
    Matcher ours = SANDBOX.matcher(name);
    try {
      return ours.matches() && Long.parseLong(ours.group(1)) < epochSeconds;
    } catch (NumberFormatException notOurs) {
      return false;
    }
  }

  private Uni<ExpectedSchema> replayAs(
      ReplayPlan plan,
      PrismaDatabaseUrl shadow,
      MySqlServer server,
      String name,
      String password,
      SqlConnection manager) {
    MySQLConnectOptions options =
        managerOptions(shadow).setUser(name).setPassword(password).setDatabase(name);
    Replay replay = new Replay(plan, server);
    Duration timeout = config.shadow().timeout();
    return connect(options)
        .flatMap(
            connection ->
                connection
                    .query(sessionBounds(server))
                    .execute()
                    .flatMap(set -> run(connection, replay, name))
                    .eventually(connection::close))
        .ifNoItem()
        .after(timeout)
        .recoverWithUni(() -> killSessionsOf(manager, name).flatMap(killed -> timedOut(replay)));
  }

  /**
   * The time is up: the script then running is the one that took it, else the server was too slow.
   */
  private Uni<ExpectedSchema> timedOut(Replay replay) {
    Duration timeout = config.shadow().timeout();
    ReplayStep step = replay.running;
    if (step == null) {
      return Uni.createFrom()
          .failure(
              new ShadowUnavailableException(
                  "the MySQL shadow replay of "
                      + replay.plan.steps().size()
                      + " migrations did not finish within "
                      + timeout.toSeconds()
                      + " s (driftwatch.shadow.timeout)"));
    }
    return Uni.createFrom().item(replay.failed(ReplayErrors.timedOut(step.migration(), timeout)));
  }

  /** Each statement's time (MariaDB bounds every statement; MySQL only SELECTs), lock waits. */
  private String sessionBounds(MySqlServer server) {
    long statementMillis = Math.max(1, config.shadow().statementTimeout().toMillis());
    long lockSeconds = Math.max(1, config.shadow().lockTimeout().toSeconds());
    return "SET SESSION "
        + (server.mariaDb()
            ? "max_statement_time = " + (statementMillis / 1000.0)
            : "max_execution_time = " + statementMillis)
        + ", SESSION lock_wait_timeout = "
        + lockSeconds;
  }

  /**
   * The steps one after the other, each script statement by statement: a loop, never a Uni chained
   * per statement (a long history would nest a frame per statement).
   */
  private Uni<ExpectedSchema> run(SqlConnection connection, Replay replay, String sandbox) {
    return Multi.createFrom()
        .iterable(replay.plan.steps())
        .onItem()
        .transformToUniAndConcatenate(
            step ->
                replay.stop == null ? send(connection, replay, step) : Uni.createFrom().nullItem())
        .collect()
        .last()
        .flatMap(
            done ->
                replay.stop != null
                    ? Uni.createFrom().item(replay.failed(replay.stop))
                    : catalogs
                        .readAs(connection, replay.server, sandbox, replay.plan.schema())
                        .map(replay::built));
  }

  private Uni<Void> send(SqlConnection connection, Replay replay, ReplayStep step) {
    String sql = step.sql();
    if (sql.getBytes(StandardCharsets.UTF_8).length > config.shadow().maxScriptBytes()) {
      replay.fail(
          step,
          ReplayErrors.notSent(
              step.migration(),
              "the script is larger than driftwatch.shadow.max-script-bytes ("
                  + config.shadow().maxScriptBytes()
                  + " bytes)"));
      return Uni.createFrom().voidItem();
    }
    List<SqlStatement> statements =
        SqlScript.split(sql, Integer.MAX_VALUE, MySqlLexicon.INSTANCE).statements();
    replay.running = step;
    return Multi.createFrom()
        .iterable(statements)
        .onItem()
        .transformToUniAndConcatenate(
            statement ->
                replay.failedStep(step)
                    ? Uni.createFrom().nullItem()
                    : connection
                        .query(statement.text())
                        .execute()
                        .replaceWithVoid()
                        .onFailure(DatabaseException.class)
                        .recoverWithItem(
                            failure -> {
                              replay.fail(
                                  step, failureOf(step, statement, (DatabaseException) failure));
                              return null;
                            }))
        .collect()
        .last()
        .invoke(() -> replay.running = null)
        .replaceWithVoid();
  }

  private static ReplayFailure failureOf(
      ReplayStep step, SqlStatement statement, DatabaseException failure) {
    Cause cause = REFUSALS.contains(failure.getErrorCode()) ? Cause.REFUSED : Cause.SCRIPT_ERROR;
    return new ReplayFailure(
        step.migration(),
        failure.getSqlState(),
        ReplayErrors.bounded(
            "line "
                + statement.line()
                + ": "
                + failure.getMessage()
                + " (error "
                + failure.getErrorCode()
                + ")"),
        cause,
        "");
  }

  /** One replay's progress: the failures so far, the step running. */
  private static final class Replay {
    final ReplayPlan plan;
    final MySqlServer server;
    final List<ReplayFailure> pendingFailures = new ArrayList<>();
    final Set<String> failedSteps = new HashSet<>();
    volatile ReplayStep running;
    volatile ReplayFailure stop;

    Replay(ReplayPlan plan, MySqlServer server) {
      this.plan = plan;
      this.server = server;
    }

    /** An applied migration that fails ends the replay; a pending one is noted and passed. */
    synchronized void fail(ReplayStep step, ReplayFailure failure) {
      failedSteps.add(step.migration());
      if (step.goesOnPastFailure()) {
        pendingFailures.add(failure);
      } else {
        stop = failure;
      }
    }

    synchronized boolean failedStep(ReplayStep step) {
      return failedSteps.contains(step.migration());
    }

    ExpectedSchema built(Catalog catalog) {
      return ExpectedSchema.of(catalog, Set.of(), false)
          .withPendingFailures(List.copyOf(pendingFailures))
          .withRerunFailed(plan.rerunFailed());
    }

    ExpectedSchema failed(ReplayFailure failure) {
      return ExpectedSchema.failed(failure, server.major(), Set.of())
          .withPendingFailures(List.copyOf(pendingFailures))
          .withRerunFailed(plan.rerunFailed());
    }
  }
}
