package io.driftwatch.core.rules;

import io.driftwatch.core.AuditContext;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.history.MigrationState;
import io.driftwatch.core.rules.support.Prisma;
import java.util.List;

/** Every row of the migration is rolled back and none re-applied: deploy will run it again. */
public final class RolledBackMigrationRule implements HistoryRule {

  public static final FindingType TYPE =
      new FindingType(
          "HI006",
          "ROLLED_BACK_MIGRATION",
          Severity.WARNING,
          "A migration was marked rolled back and the next deploy will run it again.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(AuditContext context) {
    return context.history().inState(MigrationState.ROLLED_BACK).stream()
        .map(
            record ->
                TYPE.at(
                    record.name(),
                    "`"
                        + record.name()
                        + "` was marked rolled back at "
                        + record.rows().get(record.rows().size() - 1).rolledBackAt()
                        + " and not re-applied: `prisma migrate deploy` will run it again (`prisma migrate status` does not "
                        + "list it as pending).",
                    "Make sure none of its effects remain, then `"
                        + Prisma.deploy(context.source().paths())
                        + "`; if its effects are all in place, "
                        + "record it instead with `"
                        + Prisma.resolveApplied(context.source().paths(), record.name())
                        + "`."))
        .toList();
  }
}
