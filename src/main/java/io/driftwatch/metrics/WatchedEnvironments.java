package io.driftwatch.metrics;

import io.driftwatch.environment.Environment;
import io.driftwatch.environment.EnvironmentListener;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/** An environment's series follow its creation, rename, change of tier or schedule, and removal. */
@ApplicationScoped
public class WatchedEnvironments implements EnvironmentListener {

  private final AuditMetrics metrics;

  public WatchedEnvironments(AuditMetrics metrics) {
    this.metrics = metrics;
  }

  @Override
  public Uni<Void> saved(Environment environment, String previousName) {
    if (!environment.name().equals(previousName)) {
      metrics.forget(previousName);
    }
    metrics.watched(
        new WatchedEnvironment(
            environment.name(),
            environment.tier().label(),
            environment.createdAt(),
            environment.schedule().cron(),
            environment.schedule().paused()));
    return Uni.createFrom().voidItem();
  }

  @Override
  public Uni<Void> deleted(UUID id, String name) {
    metrics.forget(name);
    return Uni.createFrom().voidItem();
  }
}
