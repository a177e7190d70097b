package io.driftwatch.core.rules;

import io.driftwatch.core.AuditContext;
import io.driftwatch.core.evidence.Evidence;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.history.HistoryState;
import io.driftwatch.core.history.MigrationState;
import io.driftwatch.core.rules.support.Prisma;
import java.util.List;
import java.util.Optional;

/** A folder migration with no row at all: the next deploy runs it. */
public final class PendingMigrationRule implements HistoryRule {

  public static final FindingType TYPE =
      new FindingType(
          "HI001",
          "PENDING_MIGRATION",
          Severity.WARNING,
          "A migration in the folder has never been applied to the database.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(AuditContext context) {
    if (context.history().state() == HistoryState.NOT_MANAGED) {
      return List.of();
    }
    return context.history().inState(MigrationState.PENDING).stream()
        .map(
            record -> {
              Optional<Evidence> added = context.evidence().addition(record.name());
              return TYPE.at(
                  record.name(),
                  TYPE.severity(),
                  "`"
                      + record.name()
                      + "` is in the migrations folder but has no row in _prisma_migrations: "
                      + "the database is behind the folder."
                      + added.map(e -> " Added by " + e.commit().cite() + ".").orElse(""),
                  "Apply it with `"
                      + Prisma.deploy(context.source().paths())
                      + "` (review its SQL first).",
                  added.orElse(null));
            })
        .toList();
  }
}
