package io.driftwatch.core.rules;

import io.driftwatch.core.AuditContext;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.history.ContractState;
import io.driftwatch.core.history.HistoryOwner;
import io.driftwatch.core.history.HistoryOwnership;
import io.driftwatch.core.prisma.Prisma8Migrations;
import java.util.List;
import java.util.Optional;

/**
 * Prisma 8's analogue of a phantom migration: the database's marker is at a contract hash that no
 * ref and no migration of the source produces, so the database was brought there by something git
 * does not hold (a migration applied from a branch, a {@code db sign} after a hand-made change).
 * Prisma 8 reports it as {@code MIGRATION.MARKER_NOT_IN_HISTORY} and still exits 0.
 */
public final class ContractMarkerNotInHistoryRule implements HistoryRule {

  public static final FindingType TYPE =
      new FindingType(
          "HI014",
          "CONTRACT_MARKER_NOT_IN_HISTORY",
          Severity.ERROR,
          "Prisma 8's marker is at a contract hash no ref and no migration of the source produces.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public boolean readsMigrateHistory() {
    return false;
  }

  @Override
  public List<Finding> check(AuditContext context) {
    HistoryOwnership ownership = context.target().ownership();
    Optional<Prisma8Migrations> source = context.source().layout().prisma8();
    Optional<String> marker = ownership.contract().flatMap(ContractState::markerHash);
    if (ownership.owner() == HistoryOwner.PRISMA_MIGRATE
        || source.isEmpty()
        || marker.isEmpty()
        || source.get().produces(marker.get())) {
      return List.of();
    }
    Prisma8Migrations graph = source.get();
    return List.of(
        TYPE.at(
            null,
            "The database's marker (in `"
                + ownership.contract().get().schema()
                + "`) is at contract "
                + marker.get()
                + ", which none of the "
                + graph.migrations().size()
                + " Prisma 8 migrations of the source goes to"
                + (graph.refs().isEmpty()
                    ? ""
                    : " and no ref points at (refs: "
                        + String.join(", ", graph.refs().keySet())
                        + ")")
                + ": the database was brought to a contract git does not hold. Prisma 8 reports"
                + " MIGRATION.MARKER_NOT_IN_HISTORY and exits 0.",
            "Find the contract: `git log --all -S '"
                + Prisma8Migrations.normalise(marker.get())
                + "'` finds the branch whose migration or ref produces it; merge it, or plan a"
                + " migration from the marker's contract to the current one and apply it with"
                + " `npx prisma migration apply`. `npx prisma db verify` shows how the live"
                + " schema differs from the contract."));
  }
}
