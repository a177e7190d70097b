package io.driftwatch.source;

import io.driftwatch.config.DriftwatchConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** Opens the adapter that reads a given kind of source. */
@ApplicationScoped
public class MigrationSources {

  private final long maxScriptBytes;

  public MigrationSources(DriftwatchConfig config) {
    this.maxScriptBytes = config.source().maxScriptBytes();
  }

  public MigrationSource open(SourceSpec spec) {
    if (spec instanceof PathSourceSpec path) {
      return new PathMigrationSource(path, maxScriptBytes);
    }
    throw new IllegalArgumentException("no adapter for source type " + spec.type());
  }
}
