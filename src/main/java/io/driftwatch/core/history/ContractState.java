package io.driftwatch.core.history;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What Prisma 8 keeps in a database instead of {@code _prisma_migrations}: a marker (the contract
 * hash the database is at, written by {@code db sign} and {@code migration apply}) and a ledger of
 * the operations applied. The release candidates keep them in the {@code prisma_contract} schema,
 * 8.0 in {@code _prisma}. Their shape may still change before 8.0, so they are read defensively:
 * what was not understood is said, never guessed.
 *
 * @param schema where the tables are ({@code prisma_contract} or {@code _prisma})
 * @param markerRows how many rows the marker holds (one per contract space; none before {@code db
 *     sign})
 * @param markerHash the contract hash of the application's space ({@code core_hash}), as written
 * @param markedAt when the marker was last written
 * @param ledgerEntries how many operations the ledger records
 * @param firstLedgerAt when the ledger's first entry was written: when Prisma 8 took over
 * @param notUnderstood what of the tables could not be read, in words
 */
public record ContractState(
    String schema,
    int markerRows,
    Optional<String> markerHash,
    Optional<Instant> markedAt,
    long ledgerEntries,
    Optional<Instant> firstLedgerAt,
    List<String> notUnderstood) {

  public ContractState {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(markerHash, "markerHash");
    Objects.requireNonNull(markedAt, "markedAt");
    Objects.requireNonNull(firstLedgerAt, "firstLedgerAt");
    notUnderstood = List.copyOf(notUnderstood);
  }

  /** Whether the database was ever signed: the marker holds a row. */
  public boolean signed() {
    return markerRows > 0;
  }

  /**
   * When Prisma 8 took the history over: its first ledger entry, else the marker's last write;
   * empty when neither says.
   */
  public Optional<Instant> handedOverAt() {
    return firstLedgerAt.or(() -> markedAt);
  }
}
