package io.driftwatch.core.rules;

import io.driftwatch.core.AuditContext;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.history.MigrationHistory;
import io.driftwatch.core.history.MigrationRecord;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Prisma calls a migration edited because it compares the OLDEST row (prisma issue #16927): failed,
 * rolled back, fixed and re-applied. The row that applied it matches the folder, so it is not
 * edited.
 */
public final class MisleadingPrismaEditRule implements HistoryRule {

  public static final FindingType TYPE =
      new FindingType(
          "HI011",
          "MISLEADING_PRISMA_EDIT",
          Severity.INFO,
          "Prisma reports a migration as edited that was only fixed and re-applied: a false alarm.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(AuditContext context) {
    Set<String> prismaEdited = new HashSet<>(context.prisma().editedMigrationNames());
    if (prismaEdited.isEmpty()) {
      return List.of();
    }
    MigrationHistory history = context.history();
    return history.records().stream()
        .filter(record -> prismaEdited.contains(record.name()))
        .filter(record -> record.appliedRow().isPresent() && record.checksumMatches().orElse(false))
        .map(MisleadingPrismaEditRule::finding)
        .toList();
  }

  private static Finding finding(MigrationRecord record) {
    return TYPE.at(
        record.name(),
        "Prisma (`migrate dev`, `migrate diff`) calls `"
            + record.name()
            + "` edited because it compares its "
            + "oldest row (an attempt that was rolled back); the row that applied it at "
            + record.appliedRow().orElseThrow().finishedAt()
            + " matches the folder's script.",
        "Nothing to fix in this environment: the applied script is the committed one. Do not edit or "
            + "re-create the migration to silence Prisma.");
  }
}
