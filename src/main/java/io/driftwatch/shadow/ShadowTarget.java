package io.driftwatch.shadow;

import io.driftwatch.target.PrismaDatabaseUrl;
import io.vertx.pgclient.PgConnectOptions;
import java.util.Map;

/** One shadow server: how to reach its maintenance database, and how to open a scratch database on it. */
public final class ShadowTarget {

  private final PgConnectOptions base;

  ShadowTarget(PgConnectOptions base) {
    this.base = base;
  }

  /** An environment's own shadow server, from a Prisma-style URL (Prisma's shadowDatabaseUrl). */
  public static ShadowTarget of(PrismaDatabaseUrl url) {
    return new ShadowTarget(new PgConnectOptions().setHost(url.host()).setPort(url.port()).setDatabase(url.database())
        .setUser(url.user()).setPassword(url.password().orElse("")));
  }

  PgConnectOptions maintenanceOptions() {
    return new PgConnectOptions(base).setProperties(Map.of("application_name", "driftwatch-shadow"));
  }

  PgConnectOptions databaseOptions(String database, String schema) {
    return new PgConnectOptions(base).setDatabase(database)
        .setProperties(ShadowReplayer.sessionProperties(schema)).setCachePreparedStatements(false);
  }

  /** host:port/user: names the server in messages and keys its facts; never the password. */
  String describe() {
    return base.getHost() + ":" + base.getPort() + "/" + base.getUser();
  }
}
