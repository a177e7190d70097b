package io.driftwatch.api;

import io.driftwatch.environment.Environment;
import io.driftwatch.source.PathSourceSpec;
import io.driftwatch.source.git.GitSourceSpec;

/**
 * A source as the API shows it: its credentials never, only whether some are stored.
 *
 * @param hasCredentials type git: whether credentials are stored
 */
public record SourceView(
    String type, String path, String migrationsPath, String schemaPath, String url, String ref, boolean hasCredentials) {

  static SourceView of(Environment environment) {
    if (environment.source() instanceof GitSourceSpec git) {
      return new SourceView(git.type(), git.path(), git.migrationsPath(), git.schemaPath(), git.url(), git.ref(),
          environment.hasSourceCredentials());
    }
    PathSourceSpec path = (PathSourceSpec) environment.source();
    return new SourceView(path.type(), path.path(), path.migrationsPath(), path.schemaPath(), null, null, false);
  }
}
