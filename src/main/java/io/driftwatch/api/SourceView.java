package io.driftwatch.api;

import io.driftwatch.environment.Environment;
import io.driftwatch.source.PathSourceSpec;
import io.driftwatch.source.git.GitSourceSpec;
import io.driftwatch.source.git.RepositoryPaths;

/**
 * A source as the API shows it: its credentials never, only whether some are stored.
 *
 * @param url type git: the repository's URL, any credential in it masked
 * @param hasCredentials type git: whether credentials are stored
 */
public record SourceView(
    String type,
    String path,
    String migrationsPath,
    String schemaPath,
    String url,
    String ref,
    boolean hasCredentials) {

  static SourceView of(Environment environment) {
    if (environment.source() instanceof GitSourceSpec git) {
      // Masked: a row stored before URLs were checked may hold a credential in it.
      return new SourceView(
          git.type(),
          git.path(),
          git.migrationsPath(),
          git.schemaPath(),
          RepositoryPaths.maskUrl(git.url()),
          git.ref(),
          environment.hasSourceCredentials());
    }
    PathSourceSpec path = (PathSourceSpec) environment.source();
    return new SourceView(
        path.type(), path.path(), path.migrationsPath(), path.schemaPath(), null, null, false);
  }
}
