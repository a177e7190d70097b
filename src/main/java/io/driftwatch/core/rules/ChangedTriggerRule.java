package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.rules.support.DriftKindRule;

/** A trigger differs from the one the applied migrations create, or is disabled: the drift's SQL both ways, and the catch-up migration. */
public final class ChangedTriggerRule extends DriftKindRule {

  public static final FindingType TYPE = new FindingType("SD028", "CHANGED_TRIGGER", Severity.WARNING,
      "A trigger differs from the one the applied migrations create, or fires otherwise (disabled).");

  public ChangedTriggerRule() {
    super(TYPE, DriftKind.CHANGED_TRIGGER);
  }
}
