package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.rules.support.DriftKindRule;

/** A constraint is in the database but no applied migration creates it: the drift's SQL both ways, and the catch-up migration. */
public final class UntrackedConstraintRule extends DriftKindRule {

  public static final FindingType TYPE = new FindingType("SD005", "UNTRACKED_CONSTRAINT", Severity.WARNING,
      "A constraint is in the database but no applied migration creates it.");

  public UntrackedConstraintRule() {
    super(TYPE, DriftKind.UNTRACKED_CONSTRAINT);
  }
}
