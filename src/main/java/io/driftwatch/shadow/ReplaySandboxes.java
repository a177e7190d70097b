package io.driftwatch.shadow;

import io.driftwatch.config.DriftwatchConfig;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Makes and unmakes replay sandboxes, as the shadow server's manager role: the only statements driftwatch sends with
 * the manager's privileges, none of them from a migration.
 *
 * <p>The replay role is {@code LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT}, member
 * of no role, limited to two connections, its password valid only for the replay's bound. Its session defaults are
 * the replay limits; {@code temp_file_limit} is one a session cannot raise, and is set when the manager may. It owns
 * exactly its scratch database, whose CONNECT is revoked from PUBLIC. The manager is made a member of the role, so
 * that a non-superuser manager may create the database for it and end its sessions.
 */
@ApplicationScoped
class ReplaySandboxes {

  private static final Logger LOG = Logger.getLogger(ReplaySandboxes.class);

  /**
   * How often, and how many times, the manager looks whether the replay's session is gone: first for one that is
   * ending by itself (its client has just closed), then after a cancel, then after a terminate.
   */
  private static final Duration WAIT_STEP = Duration.ofMillis(20);
  private static final int ENDING_STEPS = 10;
  private static final int SIGNALLED_STEPS = 50;
  /** The teardown's own bound: whatever remains after it is the next sweep's. */
  private static final Duration TEARDOWN_BOUND = Duration.ofSeconds(45);

  private static final String SESSIONS = "SELECT count(*)::int AS sessions FROM pg_catalog.pg_stat_activity "
      + "WHERE usename = $1";
  private static final String CANCEL = "SELECT pg_catalog.pg_cancel_backend(pid) FROM pg_catalog.pg_stat_activity "
      + "WHERE usename = $1";
  private static final String TERMINATE = "SELECT pg_catalog.pg_terminate_backend(pid) "
      + "FROM pg_catalog.pg_stat_activity WHERE usename = $1";
  private static final String OUR_DATABASES = "SELECT datname::text AS name FROM pg_catalog.pg_database "
      + "WHERE pg_catalog.starts_with(datname::text, $1)";
  private static final String OUR_ROLES = "SELECT rolname::text AS name FROM pg_catalog.pg_roles "
      + "WHERE pg_catalog.starts_with(rolname::text, $1)";

  private final Vertx vertx;
  private final DriftwatchConfig.Shadow config;
  /** A sandbox older than this belongs to a replay that cannot still be running, on any replica. */
  private final Duration staleAfter;
  private final Map<String, Instant> lastSweep = new ConcurrentHashMap<>();

  ReplaySandboxes(Vertx vertx, DriftwatchConfig config) {
    this.vertx = vertx;
    this.config = config.shadow();
    this.staleAfter = config.shadow().timeout().multipliedBy(2).plus(Duration.ofMinutes(5));
  }

  /** A sandbox and the manager session that made it, which unmakes it. */
  record Opened(PgConnection manager, ReplaySandbox sandbox) {}

  /** Opens a manager session, drops stale sandboxes when due, then makes a new one. */
  Uni<Opened> open(ShadowTarget target, ShadowReplayer.Server server) {
    ReplaySandbox sandbox = ReplaySandbox.create(Instant.now());
    return PgConnection.connect(vertx, target.maintenanceOptions()).flatMap(manager -> sweepIfDue(target, manager)
        .flatMap(swept -> make(manager, sandbox, server))
        .replaceWith(new Opened(manager, sandbox))
        .onFailure().call(() -> unmake(manager, sandbox).eventually(manager::close)));
  }

  /**
   * Ends every session of the replay role (cancelled first, terminated when it does not stop), drops the scratch
   * database and the role, and closes the manager session. Bounded; never fails: what it could not drop is logged
   * and left to the next sweep.
   */
  Uni<Void> close(Opened opened) {
    return unmake(opened.manager(), opened.sandbox())
        .ifNoItem().after(TEARDOWN_BOUND).recoverWithItem(() -> {
          LOG.warnf("the replay sandbox %s was not dropped within %d s; the next replay on the server drops it",
              opened.sandbox().database(), TEARDOWN_BOUND.toSeconds());
          return null;
        })
        .eventually(opened.manager()::close);
  }

  private Uni<Void> make(PgConnection manager, ReplaySandbox sandbox, ShadowReplayer.Server server) {
    String role = ReplaySandbox.quote(sandbox.role());
    String validUntil = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
        sandbox.createdAt().plus(staleAfter).atOffset(ZoneOffset.UTC));
    // The password and the timestamp are driftwatch's own: hex digits and an ISO date, nothing to escape.
    StringBuilder createRole = new StringBuilder()
        .append("CREATE ROLE ").append(role).append(" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION ")
        .append("NOBYPASSRLS NOINHERIT CONNECTION LIMIT 2 PASSWORD '").append(sandbox.password())
        .append("' VALID UNTIL '").append(validUntil).append("';\n")
        .append(setting(role, "statement_timeout", config.statementTimeout().toMillis()))
        .append(setting(role, "lock_timeout", config.lockTimeout().toMillis()))
        .append(setting(role, "idle_in_transaction_session_timeout", config.statementTimeout().toMillis()))
        .append(setting(role, "work_mem", config.workMem().asLongValue() / 1024));
    if (server.limitsTempFiles()) {
      createRole.append(setting(role, "temp_file_limit", config.tempFileLimit().asLongValue() / 1024));
    }
    createRole.append("GRANT ").append(role).append(" TO CURRENT_USER;\n");
    String database = ReplaySandbox.quote(sandbox.database());
    return manager.query(createRole.toString()).execute()
        .flatMap(created -> manager.query("CREATE DATABASE " + database + " OWNER " + role + " TEMPLATE "
            + ReplaySandbox.quote(config.template())).execute())
        .flatMap(created -> manager.query("REVOKE ALL ON DATABASE " + database + " FROM PUBLIC").execute())
        .replaceWithVoid();
  }

  private static String setting(String role, String name, long value) {
    return "ALTER ROLE " + role + " SET " + name + " = " + value + ";\n";
  }

  private Uni<Void> unmake(PgConnection manager, ReplaySandbox sandbox) {
    String database = ReplaySandbox.quote(sandbox.database());
    return endSessions(manager, sandbox.role())
        // Its owner may have made it a template, which cannot be dropped.
        .call(() -> quietly(manager, "ALTER DATABASE " + database + " IS_TEMPLATE false", null))
        .call(() -> quietly(manager, "DROP DATABASE IF EXISTS " + database + " WITH (FORCE)", sandbox.database()))
        .call(() -> quietly(manager, "DROP ROLE IF EXISTS " + ReplaySandbox.quote(sandbox.role()), sandbox.role()));
  }

  /** Waits for the role's sessions to end by themselves; cancels those still there, waits, terminates, waits. */
  private Uni<Void> endSessions(PgConnection manager, String role) {
    return awaitGone(manager, role, ENDING_STEPS).flatMap(ended -> ended ? Uni.createFrom().voidItem()
        : manager.preparedQuery(CANCEL).execute(Tuple.of(role))
            .flatMap(cancelled -> awaitGone(manager, role, SIGNALLED_STEPS))
            .flatMap(gone -> gone ? Uni.createFrom().voidItem()
                : manager.preparedQuery(TERMINATE).execute(Tuple.of(role))
                    .invoke(() -> LOG.infof("the replay role %s's session did not stop when cancelled: terminated", role))
                    .flatMap(terminated -> awaitGone(manager, role, SIGNALLED_STEPS)).replaceWithVoid()))
        .onFailure().invoke(e -> LOG.warnf("could not end the sessions of %s: %s", role, e.getMessage()))
        .onFailure().recoverWithNull();
  }

  private static Uni<Integer> sessions(PgConnection manager, String role) {
    return manager.preparedQuery(SESSIONS).execute(Tuple.of(role))
        .map(rows -> rows.iterator().next().getInteger("sessions"));
  }

  private static Uni<Boolean> awaitGone(PgConnection manager, String role, int steps) {
    return sessions(manager, role).flatMap(count -> count == 0 ? Uni.createFrom().item(true)
        : steps == 0 ? Uni.createFrom().item(false)
        : Uni.createFrom().voidItem().onItem().delayIt().by(WAIT_STEP)
            .flatMap(waited -> awaitGone(manager, role, steps - 1)));
  }

  /** Runs a statement; a failure is logged (when {@code what} names it) and swallowed. */
  private static Uni<Void> quietly(PgConnection manager, String sql, String what) {
    return manager.query(sql).execute().replaceWithVoid()
        .onFailure().invoke(e -> {
          if (what != null) {
            LOG.warnf("could not drop %s on the shadow server: %s", what, e.getMessage());
          }
        })
        .onFailure().recoverWithNull();
  }

  /**
   * Drops the sandboxes of replays that ended without cleaning up (their replica died), at most once per
   * sweep interval per server. Only sandboxes older than any replay can last are touched.
   */
  private Uni<Void> sweepIfDue(ShadowTarget target, PgConnection manager) {
    Instant now = Instant.now();
    Instant last = lastSweep.get(target.describe());
    if (last != null && last.plus(config.sweepInterval()).isAfter(now)) {
      return Uni.createFrom().voidItem();
    }
    lastSweep.put(target.describe(), now);
    Instant staleBefore = now.minus(staleAfter);
    return stale(manager, OUR_DATABASES, ReplaySandbox.DATABASE_PREFIX, staleBefore)
        .flatMap(databases -> Multi.createFrom().iterable(databases)
            // WITH (FORCE) ends whatever session of the dead replay is left.
            .onItem().transformToUniAndConcatenate(name -> quietly(manager,
                    "ALTER DATABASE " + ReplaySandbox.quote(name) + " IS_TEMPLATE false", null)
                .call(() -> quietly(manager, "DROP DATABASE IF EXISTS " + ReplaySandbox.quote(name) + " WITH (FORCE)",
                    name)))
            .collect().asList())
        .flatMap(dropped -> stale(manager, OUR_ROLES, ReplaySandbox.ROLE_PREFIX, staleBefore))
        .flatMap(roles -> Multi.createFrom().iterable(roles)
            .onItem().transformToUniAndConcatenate(name -> quietly(manager,
                "DROP ROLE IF EXISTS " + ReplaySandbox.quote(name), name))
            .collect().asList())
        .replaceWithVoid()
        .onFailure().invoke(e -> LOG.warnf("could not look for stale replay sandboxes on %s: %s", target.describe(),
            e.getMessage()))
        .onFailure().recoverWithNull();
  }

  private static Uni<List<String>> stale(PgConnection manager, String query, String prefix, Instant staleBefore) {
    return manager.preparedQuery(query).execute(Tuple.of(prefix)).map(rows -> {
      List<String> names = new ArrayList<>();
      for (Row row : rows) {
        String name = row.getString("name");
        ReplaySandbox.madeAt(name).filter(made -> made.isBefore(staleBefore)).ifPresent(made -> names.add(name));
      }
      return names;
    });
  }
}
