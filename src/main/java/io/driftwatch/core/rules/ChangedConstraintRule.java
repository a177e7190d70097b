package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.rules.support.DriftKindRule;

/** A constraint differs from the one the applied migrations create: the drift's SQL both ways, and the catch-up migration. */
public final class ChangedConstraintRule extends DriftKindRule {

  public static final FindingType TYPE = new FindingType("SD018", "CHANGED_CONSTRAINT", Severity.WARNING,
      "A constraint differs from the one the applied migrations create.");

  public ChangedConstraintRule() {
    super(TYPE, DriftKind.CHANGED_CONSTRAINT);
  }
}
