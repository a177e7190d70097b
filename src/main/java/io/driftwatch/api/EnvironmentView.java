package io.driftwatch.api;

import io.driftwatch.environment.Environment;
import io.driftwatch.source.PathSourceSpec;
import java.time.Instant;

/**
 * An environment as the API shows it.
 *
 * @param databaseUrl the URL with its password masked
 */
public record EnvironmentView(
    String name, String tier, String databaseUrl, SourceRequest source, Instant createdAt, Instant updatedAt) {

  static EnvironmentView of(Environment environment) {
    SourceRequest source = environment.source() instanceof PathSourceSpec path
        ? new SourceRequest(path.type(), path.path(), path.migrationsPath(), path.schemaPath())
        : new SourceRequest(environment.source().type(), null, null, null);
    return new EnvironmentView(environment.name(), environment.tier().label(), environment.databaseUrlMasked(),
        source, environment.createdAt(), environment.updatedAt());
  }
}
