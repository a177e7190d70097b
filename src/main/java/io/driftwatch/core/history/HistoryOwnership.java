package io.driftwatch.core.history;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who owns a database's history, and why driftwatch thinks so.
 *
 * @param owner the system whose history is the truth
 * @param contract Prisma 8's state, when the database carries it
 * @param reason one sentence: what was seen
 */
public record HistoryOwnership(
    HistoryOwner owner, Optional<ContractState> contract, String reason) {

  public static final HistoryOwnership PRISMA_MIGRATE =
      new HistoryOwnership(
          HistoryOwner.PRISMA_MIGRATE,
          Optional.empty(),
          "No Prisma 8 marker or ledger: _prisma_migrations is the history.");

  /**
   * From what the database holds: Prisma 8's tables alone, or with a {@code _prisma_migrations}
   * that no deploy wrote to since Prisma 8 took over, is Prisma 8's; with one written to since (or
   * a database never signed), both are in use.
   */
  public static HistoryOwnership of(
      Optional<ContractState> contract, boolean historyTableExists, List<HistoryRow> rows) {
    if (contract.isEmpty()) {
      return PRISMA_MIGRATE;
    }
    ContractState state = contract.get();
    String where = "`" + state.schema() + "`";
    if (!historyTableExists || rows.isEmpty()) {
      return new HistoryOwnership(
          HistoryOwner.PRISMA_8,
          contract,
          "Prisma 8's marker and ledger are in "
              + where
              + (historyTableExists
                  ? ", and _prisma_migrations is empty."
                  : ", and there is no _prisma_migrations."));
    }
    if (!state.signed()) {
      return new HistoryOwnership(
          HistoryOwner.HYBRID,
          contract,
          "Prisma 8's tables are in "
              + where
              + " but the database was never signed (the marker is empty): _prisma_migrations"
              + " still holds the history.");
    }
    Instant last = rows.stream().map(HistoryRow::startedAt).max(Instant::compareTo).orElseThrow();
    Optional<Instant> handOver = state.handedOverAt();
    if (handOver.isEmpty() || last.isAfter(handOver.get())) {
      return new HistoryOwnership(
          HistoryOwner.HYBRID,
          contract,
          "Prisma 8 signed the database (marker in "
              + where
              + ") and _prisma_migrations is still written to: its last row started at "
              + last
              + handOver.map(at -> ", after Prisma 8 took over at " + at).orElse("")
              + ".");
    }
    return new HistoryOwnership(
        HistoryOwner.PRISMA_8,
        contract,
        "Prisma 8 signed the database (marker in "
            + where
            + "); _prisma_migrations is inert: its last row started at "
            + last
            + ", before Prisma 8 took over at "
            + handOver.get()
            + ".");
  }

  /** Whether {@code _prisma_migrations} is not the truth here: Prisma 8 alone owns the history. */
  public boolean migrateHistoryInert() {
    return owner == HistoryOwner.PRISMA_8;
  }
}
