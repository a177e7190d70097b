package io.driftwatch.core.rules;

import io.driftwatch.core.AuditContext;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.history.AppliedBy;
import io.driftwatch.core.history.MigrationRecord;
import java.util.List;

/** Recorded with {@code migrate resolve --applied}: nobody ran its SQL through Prisma. */
public final class MarkedAppliedWithoutRunningRule implements HistoryRule {

  public static final FindingType TYPE =
      new FindingType(
          "HI010",
          "MARKED_APPLIED_WITHOUT_RUNNING",
          Severity.INFO,
          "A migration was recorded with migrate resolve --applied: its SQL was not run by Prisma.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(AuditContext context) {
    return context.history().records().stream()
        .filter(record -> record.appliedBy().filter(AppliedBy.RESOLVE_APPLIED::equals).isPresent())
        .map(MarkedAppliedWithoutRunningRule::finding)
        .toList();
  }

  private static Finding finding(MigrationRecord record) {
    return TYPE.at(
        record.name(),
        "`"
            + record.name()
            + "` was marked applied at "
            + record.appliedRow().orElseThrow().finishedAt()
            + " with `prisma migrate resolve --applied` (no step ran, empty logs): its effects exist only if "
            + "someone created them by hand or it is a baseline.",
        "Nothing to do if this is a baseline or a hand-applied hotfix; otherwise verify that the objects its "
            + "SQL creates exist (`\\d` in psql, or information_schema).");
  }
}
