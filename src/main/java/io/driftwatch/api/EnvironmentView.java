package io.driftwatch.api;

import io.driftwatch.environment.Environment;
import io.driftwatch.environment.Schedule;
import java.time.Instant;

/**
 * An environment as the API shows it.
 *
 * @param databaseUrl the URL with its password masked
 */
public record EnvironmentView(
    String name,
    String tier,
    String databaseUrl,
    SourceView source,
    Schedule schedule,
    Instant createdAt,
    Instant updatedAt) {

  static EnvironmentView of(Environment environment) {
    return new EnvironmentView(environment.name(), environment.tier().label(), environment.databaseUrlMasked(),
        SourceView.of(environment), environment.schedule(), environment.createdAt(), environment.updatedAt());
  }
}
