package io.driftwatch.core.replay;

import io.driftwatch.core.catalog.Catalog;
import java.util.Optional;
import java.util.Set;

/**
 * The schema the applied migrations produce, as the shadow replay found it: a catalog, or the
 * migration that failed to replay (Prisma's P3006) with the database's error.
 *
 * @param shadowServerMajorVersion the major version of the server the replay ran on
 * @param shadowExtensions the extensions that server can install
 * @param cached true when the catalog came from the store, without a replay
 * @param pendingFailures the pending migrations that failed while the replay went on past them (see
 *     {@link ReplayPlan.ReplayStep#pending()}); the catalog is then what the others build
 */
public record ExpectedSchema(
    Optional<Catalog> catalog,
    Optional<ReplayFailure> failure,
    int shadowServerMajorVersion,
    Set<String> shadowExtensions,
    boolean cached,
    java.util.List<ReplayFailure> pendingFailures) {

  /** A migration whose script failed on the shadow database. */
  public record ReplayFailure(String migration, String sqlState, String error) {}

  public ExpectedSchema {
    shadowExtensions = Set.copyOf(shadowExtensions);
    pendingFailures = java.util.List.copyOf(pendingFailures);
  }

  public ExpectedSchema(Optional<Catalog> catalog, Optional<ReplayFailure> failure, int shadowServerMajorVersion,
      Set<String> shadowExtensions, boolean cached) {
    this(catalog, failure, shadowServerMajorVersion, shadowExtensions, cached, java.util.List.of());
  }

  /**
   * The failures of these pending migrations: those the replay went on past, and the one it stopped at if it is
   * one of them.
   */
  public java.util.List<ReplayFailure> failuresOf(Set<String> pending) {
    java.util.List<ReplayFailure> failures = new java.util.ArrayList<>(pendingFailures);
    failure.filter(stop -> pending.contains(stop.migration())).ifPresent(failures::add);
    return failures.stream().filter(f -> pending.contains(f.migration())).toList();
  }

  /** This result with the pending migrations that failed on the way. */
  public ExpectedSchema withPendingFailures(java.util.List<ReplayFailure> failures) {
    return new ExpectedSchema(catalog, failure, shadowServerMajorVersion, shadowExtensions, cached, failures);
  }

  public static ExpectedSchema of(Catalog catalog, Set<String> shadowExtensions, boolean cached) {
    return new ExpectedSchema(Optional.of(catalog), Optional.empty(), catalog.serverMajorVersion(), shadowExtensions,
        cached);
  }

  public static ExpectedSchema failed(ReplayFailure failure, int shadowServerMajorVersion, Set<String> shadowExtensions) {
    return new ExpectedSchema(Optional.empty(), Optional.of(failure), shadowServerMajorVersion, shadowExtensions, false);
  }
}
