package io.driftwatch.core.rules;

import io.driftwatch.core.AuditContext;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.history.MigrationRecord;
import io.driftwatch.core.history.MigrationState;
import io.driftwatch.core.rules.support.Prisma;
import java.util.List;

/**
 * Applied in the database, absent from the folder: applied by hand or from a branch that was never
 * committed. {@code prisma migrate status} says "Database schema is up to date!" all the same.
 */
public final class PhantomMigrationRule implements HistoryRule {

  public static final FindingType TYPE =
      new FindingType("HI002", "PHANTOM_MIGRATION", Severity.ERROR,
          "The database recorded a migration that the migrations folder does not have.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(AuditContext context) {
    return context.history().inState(MigrationState.PHANTOM).stream().map(PhantomMigrationRule::finding).toList();
  }

  private static Finding finding(MigrationRecord record) {
    String name = record.name();
    boolean applied = record.appliedRow().isPresent();
    String recorded = record.appliedRow()
        .map(row -> "applied at " + row.finishedAt())
        .orElse(record.unfinishedRows().isEmpty() ? "rolled back" : "failed");
    String message = "`" + name + "` is recorded in _prisma_migrations (" + recorded
        + ") but there is no directory prisma/migrations/" + name
        + ". `prisma migrate status` does not warn about it (it reports \"Database schema is up to date!\").";
    String help = "Find the script in version control (`" + Prisma.gitHistoryOf(name) + "`) and restore it as `"
        + Prisma.scriptPath(name) + "` under exactly this name; if it was run by hand, recover its SQL "
        + "and commit it under this name so every environment can replay it.";
    return TYPE.at(name, applied ? TYPE.severity() : Severity.WARNING, message, help);
  }
}
