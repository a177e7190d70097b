package io.driftwatch.core.catalog;

import java.util.Objects;

/** An installed extension ({@code pg_extension}). */
public record Extension(String name, String schema, String version) {

  public Extension {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(version, "version");
  }
}
