package io.driftwatch.core.prisma.config;

import java.util.Objects;

/**
 * A key the config sets, or may set, whose value cannot be known without running the file.
 *
 * @param key the key's path: {@code schema}, {@code migrations.path}, {@code tables.external},
 *     {@code datasource.url}; an object's path ({@code datasource}, or {@code (config)} for the
 *     whole config) when a spread or a computed key may set any of its keys
 * @param reason what was found, briefly: {@code a call to getSchema()}, {@code depends on the
 *     environment variable SCHEMA_DIR}, {@code a spread (...base)}; never a string's text
 */
public record UnreadKey(String key, String reason) {

  /** The key path of the whole config object. */
  public static final String WHOLE_CONFIG = "(config)";

  public UnreadKey {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(reason, "reason");
  }
}
