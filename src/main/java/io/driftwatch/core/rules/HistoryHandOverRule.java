package io.driftwatch.core.rules;

import io.driftwatch.core.AuditContext;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.history.ContractState;
import io.driftwatch.core.history.HistoryOwner;
import io.driftwatch.core.history.HistoryOwnership;
import io.driftwatch.core.rules.support.NotUnderstood;
import java.util.List;

/**
 * A database in the middle of a Prisma 7 → 8 hand-over: Prisma 8's tables exist while {@code
 * _prisma_migrations} is still written to (or the database was never signed). Both histories are
 * live; the other history findings still judge {@code _prisma_migrations}.
 */
public final class HistoryHandOverRule implements HistoryRule {

  public static final FindingType TYPE =
      new FindingType(
          "HI013",
          "HISTORY_HAND_OVER",
          Severity.WARNING,
          "Prisma Migrate and Prisma 8 both keep a history of the database: a 7 → 8 hand-over is"
              + " not finished.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(AuditContext context) {
    HistoryOwnership ownership = context.target().ownership();
    if (ownership.owner() != HistoryOwner.HYBRID) {
      return List.of();
    }
    ContractState state = ownership.contract().orElseThrow();
    return List.of(
        TYPE.at(
            null,
            "Schema `"
                + context.target().datasource().schema()
                + "` has two histories. "
                + ownership.reason()
                + " driftwatch judges _prisma_migrations as the history while deploys still write"
                + " it."
                + NotUnderstood.sentence(state.notUnderstood()),
            state.signed()
                ? "Finish the hand-over: deploy with one system only. Once every deploy runs"
                    + " `npx prisma migration apply`, stop running `prisma migrate deploy` here;"
                    + " `npx prisma db verify` confirms the marker matches the contract."
                : "Sign the database over to Prisma 8 when its schema matches the contract:"
                    + " `npx prisma db sign` (it verifies the schema first and writes the marker),"
                    + " then deploy with `npx prisma migration apply` only."));
  }
}
