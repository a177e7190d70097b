package io.driftwatch.shadow;

import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.target.PrismaDatabaseUrl;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where scratch databases are created: DRIFTWATCH_SHADOW_URL (a Prisma-style URL of a role that may
 * CREATE DATABASE, like Prisma's shadowDatabaseUrl), else the service's own PostgreSQL. Never a
 * watched database: a replay writes.
 */
@ApplicationScoped
public class ShadowServer {

  private final PgConnectOptions base;

  public ShadowServer(
      DriftwatchConfig config,
      @ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> storeUrl,
      @ConfigProperty(name = "quarkus.datasource.username") Optional<String> storeUser,
      @ConfigProperty(name = "quarkus.datasource.password") Optional<String> storePassword) {
    if (config.shadow().url().isPresent()) {
      PrismaDatabaseUrl url = PrismaDatabaseUrl.parse(config.shadow().url().get());
      this.base = new PgConnectOptions().setHost(url.host()).setPort(url.port()).setDatabase(url.database())
          .setUser(url.user()).setPassword(url.password().orElse(""));
    } else {
      String reactive = storeUrl.orElseThrow(() -> new IllegalStateException("no shadow server: set DRIFTWATCH_SHADOW_URL"))
          .replaceFirst("^vertx-reactive:", "");
      PgConnectOptions store = PgConnectOptions.fromUri(reactive);
      storeUser.ifPresent(store::setUser);
      storePassword.ifPresent(store::setPassword);
      this.base = store;
    }
  }

  /** The database the scratch databases are created from and dropped from. */
  PgConnectOptions maintenanceOptions() {
    return new PgConnectOptions(base).setProperties(java.util.Map.of("application_name", "driftwatch-shadow"));
  }

  PgConnectOptions databaseOptions(String database, String schema) {
    return new PgConnectOptions(base).setDatabase(database)
        .setProperties(ShadowReplayer.sessionProperties(schema)).setCachePreparedStatements(false);
  }

  String describe() {
    return base.getHost() + ":" + base.getPort();
  }
}
