package io.driftwatch.shadow;

import io.smallrye.health.api.Wellness;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Says on {@code /q/health} where migrations are replayed, and warns when that is the store's own
 * server outside the quick start. Never DOWN: a shared server is a weaker setup, not an outage.
 */
@Wellness
@ApplicationScoped
public class ShadowServerHealth implements HealthCheck {

  private final ShadowIsolation isolation;

  public ShadowServerHealth(ShadowIsolation isolation) {
    this.isolation = isolation;
  }

  @Override
  public HealthCheckResponse call() {
    ShadowIsolation.State state = isolation.state();
    HealthCheckResponseBuilder response =
        HealthCheckResponse.named("shadow-server")
            .up()
            .withData("server", state.shadowServer())
            .withData("storeConnect", state.storeConnect());
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
