package io.driftwatch.shadow;

import io.driftwatch.database.PrismaDatabaseUrl;
import io.vertx.pgclient.PgConnectOptions;
import java.time.Duration;
import java.util.Map;

/**
 * One shadow server: how driftwatch's manager role reaches its maintenance database, and how a
 * replay role reaches the scratch database it owns.
 */
public final class ShadowTarget {

  /**
   * The manager's own statements (create, drop, cancel) are bounded on the server like any other
   * wait: a DROP DATABASE waiting behind a session that does not end gives up after the lock
   * timeout.
   */
  static final Duration MANAGER_STATEMENT_TIMEOUT = Duration.ofSeconds(30);

  static final Duration MANAGER_LOCK_TIMEOUT = Duration.ofSeconds(10);
  private static final Map<String, String> MANAGER_SESSION =
      Map.of(
          "application_name",
          "driftwatch-shadow",
          "standard_conforming_strings",
          "on",
          "statement_timeout",
          Long.toString(MANAGER_STATEMENT_TIMEOUT.toMillis()),
          "lock_timeout",
          Long.toString(MANAGER_LOCK_TIMEOUT.toMillis()));

  private final PgConnectOptions base;

  ShadowTarget(PgConnectOptions base) {
    this.base = base;
  }

  /** An environment's own shadow server, from a Prisma-style URL (Prisma's shadowDatabaseUrl). */
  public static ShadowTarget of(PrismaDatabaseUrl url) {
    return new ShadowTarget(
        new PgConnectOptions()
            .setHost(url.host())
            .setPort(url.port())
            .setDatabase(url.database())
            .setUser(url.user())
            .setPassword(url.password().orElse("")));
  }

  /**
   * The manager's session in the maintenance database; {@link ShadowConnector} adds the time
   * bounds.
   */
  PgConnectOptions maintenanceOptions() {
    return new PgConnectOptions(base)
        .setProperties(MANAGER_SESSION)
        .setCachePreparedStatements(false);
  }

  /**
   * The replay role's session in its scratch database: Prisma's search path is the migration
   * schema.
   */
  PgConnectOptions replayOptions(ReplaySandbox sandbox, String schema) {
    return new PgConnectOptions(base)
        .setDatabase(sandbox.database())
        .setUser(sandbox.role())
        .setPassword(sandbox.password())
        .setProperties(
            Map.of(
                "application_name",
                "driftwatch-replay",
                "search_path",
                ReplaySandbox.quote(schema)))
        .setCachePreparedStatements(false);
  }

  /** host:port/user: names the server in messages and keys its facts; never the password. */
  String describe() {
    return base.getHost() + ":" + base.getPort() + "/" + base.getUser();
  }

  /** host:port: where a message says the server is. */
  String address() {
    return base.getHost() + ":" + base.getPort();
  }

  String host() {
    return base.getHost();
  }

  int port() {
    return base.getPort();
  }
}
