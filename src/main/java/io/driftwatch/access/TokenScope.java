package io.driftwatch.access;

import io.quarkus.security.identity.SecurityIdentity;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The environments a token is limited to, carried by its identity. A scoped identity reaches only
 * the routes of those environments (and the checks run on them), whatever its role allows
 * elsewhere.
 */
public final class TokenScope {

  /** The identity attribute that holds the scope: an unmodifiable set of environment names. */
  public static final String ATTRIBUTE = "driftwatch.environments";

  private TokenScope() {}

  /** The environments this identity is limited to; empty for an identity that is not limited. */
  public static Optional<Set<String>> of(SecurityIdentity identity) {
    Object scope = identity == null ? null : identity.getAttribute(ATTRIBUTE);
    if (scope instanceof Set<?> names) {
      return Optional.of(Set.copyOf(names.stream().map(String::valueOf).toList()));
    }
    return Optional.empty();
  }

  /** Whether this identity may reach the environment. */
  public static boolean allows(SecurityIdentity identity, String environment) {
    return of(identity).map(names -> names.contains(environment)).orElse(true);
  }

  static String store(List<String> environments) {
    return environments == null ? null : String.join("\n", environments);
  }

  static Set<String> stored(String lines) {
    return lines == null ? null : Set.of(lines.split("\n"));
  }
}
