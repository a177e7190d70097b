package io.driftwatch.core.rules;

import io.driftwatch.core.AuditContext;
import io.driftwatch.core.evidence.Evidence;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.history.MigrationHistory;
import io.driftwatch.core.history.MigrationOrder;
import io.driftwatch.core.history.MigrationRecord;
import io.driftwatch.core.history.MigrationState;
import io.driftwatch.core.rules.support.Prisma;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A migration deploy will run that sorts before the newest applied one: deploy applies it after
 * newer migrations, in an order no other environment saw (usually a merged branch).
 */
public final class OutOfOrderMigrationRule implements HistoryRule {

  public static final FindingType TYPE =
      new FindingType(
          "HI007",
          "OUT_OF_ORDER_MIGRATION",
          Severity.WARNING,
          "A migration still to apply sorts before the newest applied one.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(AuditContext context) {
    MigrationHistory history = context.history();
    String newestApplied = null;
    for (MigrationRecord record : history.records()) {
      boolean applied =
          history.stateOf(record) == MigrationState.APPLIED
              || (history.stateOf(record) == MigrationState.PHANTOM
                  && record.appliedRow().isPresent());
      if (applied
          && (newestApplied == null
              || MigrationOrder.compareCli(record.name(), newestApplied) > 0)) {
        newestApplied = record.name();
      }
    }
    if (newestApplied == null) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (MigrationRecord record : history.deployQueue()) {
      if (MigrationOrder.compareCli(record.name(), newestApplied) < 0) {
        Optional<Evidence> added = context.evidence().addition(record.name());
        findings.add(
            TYPE.at(
                record.name(),
                TYPE.severity(),
                "`"
                    + record.name()
                    + "` is not applied but sorts before `"
                    + newestApplied
                    + "`, which is: deploy will apply it after newer migrations, in an order other environments "
                    + "did not see."
                    + added
                        .map(e -> " Added by " + e.commit().cite() + " (probably a merged branch).")
                        .orElse(""),
                "Check that it does not depend on, or conflict with, the migrations applied after it; then `"
                    + Prisma.deploy(context.source().paths())
                    + "`. If it must run in its own place, rename it with a new timestamp "
                    + "before any environment applies it.",
                added.orElse(null)));
      }
    }
    return findings;
  }
}
