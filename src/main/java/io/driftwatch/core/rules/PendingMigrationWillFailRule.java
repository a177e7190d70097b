package io.driftwatch.core.rules;

import io.driftwatch.core.AuditContext;
import io.driftwatch.core.effect.PredictedFailure;
import io.driftwatch.core.effect.Preflight;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.prisma.ProjectPaths;
import java.util.List;

/**
 * A migration the next deploy runs creates something the live database already has, or alters,
 * drops or references something it does not: deploy will stop there with P3018, and every deploy
 * after it with P3009. Found by playing the pending migrations, in order, over the live catalog
 * (see {@link Preflight}).
 */
public final class PendingMigrationWillFailRule implements HistoryRule {

  public static final FindingType TYPE =
      new FindingType(
          "MS018",
          "PENDING_MIGRATION_WILL_FAIL",
          Severity.ERROR,
          "A pending migration will fail against the live database (P3018): it creates what exists or needs what is "
              + "missing.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(AuditContext context) {
    return context.pending().predicted().values().stream()
        .map(failure -> finding(failure, context.source().paths()))
        .toList();
  }

  private static Finding finding(PredictedFailure failure, ProjectPaths paths) {
    return new Finding(
        TYPE,
        TYPE.severity(),
        failure.migration(),
        "`"
            + failure.migration()
            + "` will fail when deployed (P3018): at line "
            + failure.line()
            + " ("
            + failure.statement()
            + "), "
            + failure.object()
            + " "
            + failure.reason()
            + " in the live database.",
        "If the database already holds everything the migration creates (db push, a fix by hand), mark it applied "
            + "instead of running it: `"
            + paths.resolveApplied(failure.migration())
            + "`. Otherwise "
            + "fix the script before deploying (it has not run here; guard it with IF NOT EXISTS, or create what it "
            + "needs in an earlier migration). This environment's resolution plan (its /plan endpoint) gives the "
            + "steps.",
        null,
        failure.object(),
        failure.line());
  }
}
