package io.driftwatch.shadow;

import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.database.mysql.MySqlUrlSyntax;
import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Says on {@code /q/health} where migrations are replayed (PostgreSQL's shadow server, MySQL's),
 * and warns when PostgreSQL's is the store's own server outside the quick start. Never DOWN: a
 * shared server is a weaker setup, not an outage.
 */
@Wellness
@ApplicationScoped
public class ShadowServerHealth implements HealthCheck {

  private final ShadowIsolation isolation;

  /** Where MySQL and MariaDB environments replay: {@code host:port}, or what is missing. */
  private final String mysqlServer;

  public ShadowServerHealth(ShadowIsolation isolation, DriftwatchConfig config) {
    this.isolation = isolation;
    this.mysqlServer =
        config
            .shadow()
            .mysqlUrl()
            .map(MySqlUrlSyntax::parse)
            .map(url -> url.host() + ":" + url.port())
            .orElse(
                "none: set DRIFTWATCH_SHADOW_MYSQL_URL, else MySQL and MariaDB environments'"
                    + " drift is compared only where one names its own shadowDatabaseUrl");
  }

  @Override
  public HealthCheckResponse call() {
    ShadowIsolation.State state = isolation.state();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("shadow-server")
            .up()
            .withData("server", state.shadowServer())
            .withData("storeConnect", state.storeConnect())
            .withData("mysqlServer", mysqlServer);
    state
        .separate()
        .ifPresentOrElse(
            separate -> {
              response.withData("separateFromStore", separate);
              if (!separate) {
                response.withData(
                    "warning",
                    isolation.quickStart()
                        ? "the quick start replays migrations on its embedded store server, as roles without privileges; that "
                            + "server runs as the service's OS user: watch production only with a shadow server of its own"
                        : "migrations are replayed on the store's own server: set DRIFTWATCH_SHADOW_URL to a separate, empty "
                            + "PostgreSQL");
              }
            },
            () -> response.withData("separateFromStore", "unknown"));
    return response.build();
  }
}
