package io.driftwatch.core.rules;

import io.driftwatch.core.AuditContext;
import io.driftwatch.core.SchemaInput;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.prisma.ProjectPaths;
import io.driftwatch.core.replay.ExpectedSchema.ReplayFailure;
import io.driftwatch.core.rules.support.Prisma;
import java.util.List;

/**
 * A failed migration fails again when run where it stands on a shadow replica of the folder (as the
 * deploy after {@code migrate resolve --rolled-back} runs it): resolving it that way and deploying
 * will fail the same way, so its script or what it trips on must change first.
 */
public final class FailedMigrationFailsAgainRule implements HistoryRule {

  public static final FindingType TYPE =
      new FindingType(
          "MS021",
          "FAILED_MIGRATION_FAILS_AGAIN",
          Severity.ERROR,
          "A failed migration fails again on a shadow replica of the migrations before it: rolled back and deployed as it "
              + "is, it fails again (P3018).");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(AuditContext context) {
    return context
        .schema()
        .flatMap(SchemaInput::folder)
        .map(replay -> replay.rerunFailures())
        .orElse(List.of())
        .stream()
        .filter(
            failure -> failure.cause().scriptsOwn()) // the sandbox's refusals are SD023 and SD024
        .map(failure -> finding(failure, context.source().paths()))
        .toList();
  }

  private static Finding finding(ReplayFailure failure, ProjectPaths paths) {
    String name = failure.migration();
    return TYPE.at(
        name,
        TYPE.severity(),
        "`"
            + name
            + "` failed in the database, and run again on a shadow replica of the migrations before it, it "
            + "fails again ("
            + failure.quoted()
            + "): `"
            + Prisma.resolveRolledBack(paths, name)
            + "` then `"
            + Prisma.deploy(paths)
            + "` would stop there once more with P3018. The migrations after it were checked "
            + "without its effects.",
        "Fix its script before resolving it (it never finished, so it may be edited, unless another environment "
            + "applied it), and check the fix with `npx prisma migrate dev"
            + paths.projectOption()
            + "` on a development database. If you "
            + "completed it by hand instead: `"
            + Prisma.resolveApplied(paths, name)
            + "`.");
  }
}
