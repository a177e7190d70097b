package io.driftwatch.core.rules;

import io.driftwatch.core.AuditContext;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.history.HistoryState;
import io.driftwatch.core.prisma.ProjectPaths;
import java.util.List;

/**
 * Tables but no {@code _prisma_migrations}: deploy fails with P3005 until the database is
 * baselined.
 */
public final class NotManagedRule implements HistoryRule {

  public static final FindingType TYPE =
      new FindingType(
          "HI008",
          "NOT_MANAGED",
          Severity.ERROR,
          "The database has tables but no _prisma_migrations table: it needs a baseline (P3005).");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(AuditContext context) {
    if (context.history().state() != HistoryState.NOT_MANAGED) {
      return List.of();
    }
    String schema = context.target().datasource().schema();
    ProjectPaths paths = context.source().paths();
    return List.of(
        TYPE.at(
            null,
            "Schema `"
                + schema
                + "` holds tables but no _prisma_migrations table: `prisma migrate deploy` fails "
                + "with P3005 (the database schema is not empty).",
            "Baseline it: `mkdir -p "
                + paths.directory("0_init")
                + " && "
                + paths.diffFromEmpty()
                + " > "
                + paths.script("0_init")
                + "` "
                + "then `"
                + paths.resolveApplied("0_init")
                + "`."));
  }
}
