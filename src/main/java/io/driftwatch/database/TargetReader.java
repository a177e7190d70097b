package io.driftwatch.database;

import io.driftwatch.core.TargetSnapshot;
import io.driftwatch.core.catalog.QualifiedName;
import io.smallrye.mutiny.Uni;
import java.util.Collection;
import java.util.Set;
import java.util.UUID;

/**
 * Reads what Prisma recorded in one provider's database, sending nothing but reads: the history
 * table, the deploy lock, the catalog and row estimates, as one snapshot.
 */
public interface TargetReader {

  /**
   * The history table and the catalog in one read-only transaction.
   *
   * @return a failure {@link TargetUnavailableException} with a sentence safe to show
   */
  Uni<TargetSnapshot> read(UUID environmentId, PrismaDatabaseUrl url);

  /** Which of these tables hold at least one row, checked exactly, in one read-only transaction. */
  Uni<Set<String>> tablesWithRows(
      UUID environmentId, PrismaDatabaseUrl url, Collection<QualifiedName> tables);
}
