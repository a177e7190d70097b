package io.driftwatch.core.rules;

import io.driftwatch.core.AuditContext;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.history.ContractState;
import io.driftwatch.core.history.HistoryOwnership;
import io.driftwatch.core.rules.support.NotUnderstood;
import java.util.List;

/**
 * A database Prisma 8 owns: its marker and ledger are the history, {@code _prisma_migrations} is
 * inert, so no history finding is raised from that table. This one finding says what driftwatch
 * still checks there and what it does not yet.
 */
public final class ManagedByPrisma8Rule implements HistoryRule {

  public static final FindingType TYPE =
      new FindingType(
          "HI012",
          "MANAGED_BY_PRISMA_8",
          Severity.INFO,
          "Prisma 8 keeps the database's history (marker and ledger); _prisma_migrations is inert"
              + " and not judged.");

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
    if (!ownership.migrateHistoryInert()) {
      return List.of();
    }
    ContractState state = ownership.contract().orElseThrow();
    return List.of(
        TYPE.at(
            null,
            "Schema `"
                + context.target().datasource().schema()
                + "` is managed by Prisma 8. "
                + ownership.reason()
                + state
                    .markerHash()
                    .map(hash -> " The marker is at contract " + hash + ".")
                    .orElse("")
                + " driftwatch still checks schema drift (the live catalog against what the"
                + " folder's migrations create) and schema.prisma's coverage; it does not judge"
                + " _prisma_migrations, and it does not yet replay Prisma 8's migrations"
                + " (migration.ts, ops.json) nor verify the live schema against the contract."
                + NotUnderstood.sentence(state.notUnderstood()),
            "Prisma 8 checks its own history: `npx prisma migration status --json` (the marker"
                + " against the migration graph) and `npx prisma db verify` (exit 4 on"
                + " CONTRACT.MARKER_MISMATCH). Stop running `prisma migrate deploy` against this"
                + " database: Prisma 8 ignores what it writes."));
  }
}
