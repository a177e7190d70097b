package io.driftwatch.core.rules;

import io.driftwatch.core.AuditContext;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.history.HistoryRow;
import io.driftwatch.core.history.MigrationRecord;
import io.driftwatch.core.prisma.ProjectPaths;
import io.driftwatch.core.rules.support.Prisma;
import java.util.ArrayList;
import java.util.List;

/**
 * An unfinished, not rolled-back row while no deploy holds the lock: every {@code migrate deploy}
 * refuses to run (P3009) until it is resolved.
 */
public final class FailedMigrationRule implements HistoryRule {

  public static final FindingType TYPE =
      new FindingType(
          "HI004",
          "FAILED_MIGRATION",
          Severity.CRITICAL,
          "A migration failed and blocks every deploy (P3009) until it is resolved.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(AuditContext context) {
    if (context.history().deployLockHeld()) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (MigrationRecord record : context.history().records()) {
      List<HistoryRow> failed = record.unfinishedRows();
      if (!failed.isEmpty()) {
        findings.add(finding(record, failed.get(failed.size() - 1), context.source().paths()));
      }
    }
    return findings;
  }

  private static Finding finding(MigrationRecord record, HistoryRow failed, ProjectPaths paths) {
    String name = record.name();
    String message =
        "`"
            + name
            + "` started at "
            + failed.startedAt()
            + " and never finished: "
            + Prisma.databaseError(failed.logs())
            + ". `prisma migrate deploy` fails with P3009 until it is resolved.";
    String help;
    if (record.folder().isPresent()) {
      help =
          "Check which of its statements took effect. If none did (or you undid them): `"
              + Prisma.resolveRolledBack(paths, name)
              + "` then `"
              + Prisma.deploy(paths)
              + "`. If you completed it by hand: `"
              + Prisma.resolveApplied(paths, name)
              + "`.";
    } else {
      help =
          "The folder has no script for it, so it cannot be marked applied: undo its partial effects, run `"
              + Prisma.resolveRolledBack(paths, name)
              + "`, and restore `"
              + paths.script(name)
              + "` if it is still wanted.";
    }
    return TYPE.at(name, message, help);
  }
}
