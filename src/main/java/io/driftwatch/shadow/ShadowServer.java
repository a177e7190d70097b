package io.driftwatch.shadow;

import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.database.postgres.PostgresUrlSyntax;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The global shadow server: DRIFTWATCH_SHADOW_URL (a Prisma-style URL of a role that may CREATE
 * DATABASE, like Prisma's shadowDatabaseUrl), else the service's own PostgreSQL. An environment may
 * name its own. Never a watched database: a replay writes.
 */
@ApplicationScoped
public class ShadowServer {

  private final ShadowTarget global;

  public ShadowServer(
      DriftwatchConfig config,
      @ConfigProperty(name = "quarkus.datasource.reactive.url") Optional<String> storeUrl,
      @ConfigProperty(name = "quarkus.datasource.username") Optional<String> storeUser,
      @ConfigProperty(name = "quarkus.datasource.password") Optional<String> storePassword) {
    if (config.shadow().url().isPresent()) {
      this.global = ShadowTarget.of(PostgresUrlSyntax.parse(config.shadow().url().get()));
    } else {
      String reactive =
          storeUrl
              .orElseThrow(
                  () -> new IllegalStateException("no shadow server: set DRIFTWATCH_SHADOW_URL"))
              .replaceFirst("^vertx-reactive:", "");
      PgConnectOptions store = PgConnectOptions.fromUri(reactive);
      storeUser.ifPresent(store::setUser);
      storePassword.ifPresent(store::setPassword);
      this.global = new ShadowTarget(store);
    }
  }

  public ShadowTarget global() {
    return global;
  }
}
