package io.driftwatch.core.rules;

import io.driftwatch.core.AuditContext;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.history.HistoryState;
import io.driftwatch.core.history.MigrationHistory;
import io.driftwatch.core.history.MigrationRecord;
import io.driftwatch.core.history.MigrationState;
import io.driftwatch.core.prisma.ProjectPaths;
import io.driftwatch.core.rules.support.Prisma;
import java.util.List;
import java.util.stream.Collectors;

/** The database and the folder each hold migrations the other lacks. */
public final class HistoriesDivergedRule implements HistoryRule {

  public static final FindingType TYPE =
      new FindingType(
          "HI003",
          "HISTORIES_DIVERGED",
          Severity.ERROR,
          "The database and the folder each have migrations the other lacks.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(AuditContext context) {
    MigrationHistory history = context.history();
    if (history.state() != HistoryState.DIVERGED) {
      return List.of();
    }
    String phantoms = names(history, MigrationState.PHANTOM);
    String toApply =
        history.deployQueue().stream().map(MigrationRecord::name).collect(Collectors.joining(", "));
    String lastCommon = history.lastCommonMigration().orElse(null);
    String message =
        "The histories split after "
            + (lastCommon == null ? "the very first migration" : "`" + lastCommon + "`")
            + ": only the database has "
            + phantoms
            + "; only the folder has "
            + toApply
            + ".";
    ProjectPaths paths = context.source().paths();
    String help =
        "Restore the database-only migrations into "
            + paths.migrations()
            + " first (see PHANTOM_MIGRATION), "
            + "then run `"
            + Prisma.deploy(paths)
            + "` for the folder-only ones.";
    return List.of(TYPE.at(lastCommon, message, help));
  }

  private static String names(MigrationHistory history, MigrationState state) {
    return history.inState(state).stream()
        .map(MigrationRecord::name)
        .collect(Collectors.joining(", "));
  }
}
