package io.driftwatch.shadow;

import io.driftwatch.config.DriftwatchConfig;
import io.smallrye.mutiny.Uni;
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
 * Makes and unmakes replay sandboxes, as the shadow server's manager role: the only statements
 * driftwatch sends with the manager's privileges, none of them from a migration.
 *
 * <p>The replay role is {@code LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS
 * NOINHERIT}, member of no role, limited to two connections, its password valid only for the
 * replay's bound. Its session defaults are the replay limits; {@code temp_file_limit} is one a
 * session cannot raise, and is set when the manager may. It owns exactly its scratch database,
 * whose CONNECT is revoked from PUBLIC. The manager is made a member of the role, so that a
 * non-superuser manager may create the database for it and end its sessions.
 *
 * <p>A sandbox is made on the audit's path; it is unmade in the background ({@link
 * SandboxTeardowns}), once the replay has its answer or was given up: the sessions of the role that
 * are still there are cancelled, terminated when they do not stop within {@code
 * driftwatch.shadow.cancel-grace}, then the database is dropped {@code WITH (FORCE)} and the role
 * with it, every statement under the manager's lock and statement timeouts.
 */
@ApplicationScoped
class ReplaySandboxes {

  private static final Logger LOG = Logger.getLogger(ReplaySandboxes.class);

  /** How often the manager looks whether the replay role's sessions are gone. */
  private static final Duration WAIT_STEP = Duration.ofMillis(20);

  /**
   * A session whose client has just closed it is given this long to end by itself before it is
   * cancelled.
   */
  private static final Duration ENDING = Duration.ofMillis(200);

  private static final String SESSIONS =
      "SELECT count(*)::int AS sessions FROM pg_catalog.pg_stat_activity " + "WHERE usename = $1";
  private static final String CANCEL =
      "SELECT pg_catalog.pg_cancel_backend(pid) FROM pg_catalog.pg_stat_activity "
          + "WHERE usename = $1";
  private static final String TERMINATE =
      "SELECT pg_catalog.pg_terminate_backend(pid) "
          + "FROM pg_catalog.pg_stat_activity WHERE usename = $1";
  private static final String OUR_DATABASES =
      "SELECT datname::text AS name FROM pg_catalog.pg_database "
          + "WHERE pg_catalog.starts_with(datname::text, $1)";
  private static final String OUR_ROLES =
      "SELECT rolname::text AS name FROM pg_catalog.pg_roles "
          + "WHERE pg_catalog.starts_with(rolname::text, $1)";

  private final ShadowConnector connector;
  private final SandboxTeardowns teardowns;
  private final DriftwatchConfig.Shadow config;

  /** A sandbox older than this belongs to a replay that cannot still be running, on any replica. */
  private final Duration staleAfter;

  private final Map<String, Instant> lastSweep = new ConcurrentHashMap<>();

  ReplaySandboxes(ShadowConnector connector, SandboxTeardowns teardowns, DriftwatchConfig config) {
    this.connector = connector;
    this.teardowns = teardowns;
    this.config = config.shadow();
    this.staleAfter = config.shadow().timeout().multipliedBy(2).plus(Duration.ofMinutes(5));
  }

  /**
   * Makes a new sandbox as the manager (and has the stale ones swept in the background when due). A
   * sandbox left half made, by a failure or a cancellation, is unmade in the background.
   */
  Uni<ReplaySandbox> open(ShadowTarget target, ShadowReplayer.Server server) {
    sweepIfDue(target);
    ReplaySandbox sandbox = ReplaySandbox.create(Instant.now());
    return connector
        .manager(target)
        .flatMap(
            manager ->
                make(manager, target, sandbox, server)
                    .onFailure()
                    .invoke(() -> dismantle(target, sandbox))
                    .onCancellation()
                    .invoke(() -> dismantle(target, sandbox))
                    .onTermination()
                    .call(manager::close))
        .replaceWith(sandbox);
  }

  /** Unmakes the sandbox in the background: never fails, never waits. */
  void dismantle(ShadowTarget target, ReplaySandbox sandbox) {
    teardowns.submit(
        "the replay sandbox " + sandbox.database() + " on " + target.describe(),
        () -> unmake(target, sandbox));
  }

  private Uni<Void> make(
      PgConnection manager,
      ShadowTarget target,
      ReplaySandbox sandbox,
      ShadowReplayer.Server server) {
    String role = ReplaySandbox.quote(sandbox.role());
    String validUntil =
        DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
            sandbox.createdAt().plus(staleAfter).atOffset(ZoneOffset.UTC));
    // The password and the timestamp are driftwatch's own: hex digits and an ISO date, nothing to
    // escape.
    StringBuilder createRole =
        new StringBuilder()
            .append("CREATE ROLE ")
            .append(role)
            .append(" LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION ")
            .append("NOBYPASSRLS NOINHERIT CONNECTION LIMIT 2 PASSWORD '")
            .append(sandbox.password())
            .append("' VALID UNTIL '")
            .append(validUntil)
            .append("';\n")
            .append(setting(role, "statement_timeout", config.statementTimeout().toMillis()))
            .append(setting(role, "lock_timeout", config.lockTimeout().toMillis()))
            .append(
                setting(
                    role,
                    "idle_in_transaction_session_timeout",
                    config.statementTimeout().toMillis()))
            .append(setting(role, "work_mem", config.workMem().asLongValue() / 1024));
    if (server.limitsTempFiles()) {
      createRole.append(
          setting(role, "temp_file_limit", config.tempFileLimit().asLongValue() / 1024));
    }
    createRole.append("GRANT ").append(role).append(" TO CURRENT_USER;\n");
    String database = ReplaySandbox.quote(sandbox.database());
    return statement(manager, target, createRole.toString())
        .flatMap(
            created ->
                statement(
                    manager,
                    target,
                    "CREATE DATABASE "
                        + database
                        + " OWNER "
                        + role
                        + " TEMPLATE "
                        + ReplaySandbox.quote(config.template())))
        .flatMap(
            created ->
                statement(manager, target, "REVOKE ALL ON DATABASE " + database + " FROM PUBLIC"));
  }

  private Uni<Void> statement(PgConnection manager, ShadowTarget target, String sql) {
    return connector.managerAnswer(manager.query(sql).execute(), target).replaceWithVoid();
  }

  private static String setting(String role, String name, long value) {
    return "ALTER ROLE " + role + " SET " + name + " = " + value + ";\n";
  }

  /** On a teardown thread: ends the role's sessions, drops the database, then the role. */
  private void unmake(ShadowTarget target, ReplaySandbox sandbox) {
    String database = ReplaySandbox.quote(sandbox.database());
    try (ManagerSession manager = ManagerSession.open(connector, target)) {
      endSessions(manager, sandbox.role());
      // Its owner may have made it a template, which cannot be dropped.
      manager.quietly("ALTER DATABASE " + database + " IS_TEMPLATE false", null);
      // FORCE ends whatever session is still there; the lock timeout bounds the wait behind one
      // that does not end.
      manager.quietly("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)", sandbox.database());
      manager.quietly("DROP ROLE IF EXISTS " + ReplaySandbox.quote(sandbox.role()), sandbox.role());
    }
  }

  /**
   * Waits briefly for the role's sessions to end by themselves; cancels those still there, waits
   * the cancel grace, terminates those still there (a script may catch a cancel, not a
   * termination), waits the grace again.
   */
  private void endSessions(ManagerSession manager, String role) {
    try {
      if (awaitGone(manager, role, ENDING)) {
        return;
      }
      manager.execute(CANCEL, Tuple.of(role));
      if (awaitGone(manager, role, config.cancelGrace())) {
        return;
      }
      manager.execute(TERMINATE, Tuple.of(role));
      LOG.infof(
          "the replay role %s's session did not stop within %d ms of its cancel: terminated",
          role, config.cancelGrace().toMillis());
      if (!awaitGone(manager, role, config.cancelGrace())) {
        LOG.warnf(
            "the replay role %s's session did not end within %d ms of its termination",
            role, config.cancelGrace().toMillis());
      }
    } catch (RuntimeException e) {
      LOG.warnf("could not end the sessions of %s: %s", role, e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static boolean awaitGone(ManagerSession manager, String role, Duration within)
      throws InterruptedException {
    long deadline = System.nanoTime() + within.toNanos();
    while (manager.execute(SESSIONS, Tuple.of(role)).iterator().next().getInteger("sessions") > 0) {
      if (System.nanoTime() - deadline >= 0) {
        return false;
      }
      Thread.sleep(WAIT_STEP.toMillis());
    }
    return true;
  }

  /**
   * Has the sandboxes of replays that ended without cleaning up (their replica died, their teardown
   * failed) dropped in the background, at most once per sweep interval per server. Only sandboxes
   * older than any replay can last are touched.
   */
  private void sweepIfDue(ShadowTarget target) {
    Instant now = Instant.now();
    Instant last = lastSweep.get(target.describe());
    if (last != null && last.plus(config.sweepInterval()).isAfter(now)) {
      return;
    }
    lastSweep.put(target.describe(), now);
    teardowns.submit(
        "the sweep of stale replay sandboxes on " + target.describe(),
        () -> sweep(target, now.minus(staleAfter)));
  }

  private void sweep(ShadowTarget target, Instant staleBefore) {
    try (ManagerSession manager = ManagerSession.open(connector, target)) {
      for (String name :
          stale(manager, OUR_DATABASES, ReplaySandbox.DATABASE_PREFIX, staleBefore)) {
        manager.quietly("ALTER DATABASE " + ReplaySandbox.quote(name) + " IS_TEMPLATE false", null);
        // WITH (FORCE) ends whatever session of the dead replay is left.
        manager.quietly(
            "DROP DATABASE IF EXISTS " + ReplaySandbox.quote(name) + " WITH (FORCE)", name);
      }
      for (String name : stale(manager, OUR_ROLES, ReplaySandbox.ROLE_PREFIX, staleBefore)) {
        manager.quietly("DROP ROLE IF EXISTS " + ReplaySandbox.quote(name), name);
      }
    } catch (RuntimeException e) {
      LOG.warnf(
          "could not look for stale replay sandboxes on %s: %s", target.describe(), e.getMessage());
    }
  }

  private static List<String> stale(
      ManagerSession manager, String query, String prefix, Instant staleBefore) {
    List<String> names = new ArrayList<>();
    for (Row row : manager.execute(query, Tuple.of(prefix))) {
      String name = row.getString("name");
      ReplaySandbox.madeAt(name)
          .filter(made -> made.isBefore(staleBefore))
          .ifPresent(made -> names.add(name));
    }
    return names;
  }
}
