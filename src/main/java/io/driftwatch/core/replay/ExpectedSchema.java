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
 */
public record ExpectedSchema(
    Optional<Catalog> catalog,
    Optional<ReplayFailure> failure,
    int shadowServerMajorVersion,
    Set<String> shadowExtensions,
    boolean cached) {

  /** A migration whose script failed on the shadow database. */
  public record ReplayFailure(String migration, String sqlState, String error) {}

  public ExpectedSchema {
    shadowExtensions = Set.copyOf(shadowExtensions);
  }

  public static ExpectedSchema of(Catalog catalog, Set<String> shadowExtensions, boolean cached) {
    return new ExpectedSchema(Optional.of(catalog), Optional.empty(), catalog.serverMajorVersion(), shadowExtensions,
        cached);
  }

  public static ExpectedSchema failed(ReplayFailure failure, int shadowServerMajorVersion, Set<String> shadowExtensions) {
    return new ExpectedSchema(Optional.empty(), Optional.of(failure), shadowServerMajorVersion, shadowExtensions, false);
  }
}
