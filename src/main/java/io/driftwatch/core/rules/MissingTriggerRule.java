package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.rules.support.DriftKindRule;

/** An applied migration creates a trigger the database does not have (dropped by hand): the drift's SQL both ways, and the catch-up migration. */
public final class MissingTriggerRule extends DriftKindRule {

  public static final FindingType TYPE = new FindingType("SD027", "MISSING_TRIGGER", Severity.WARNING,
      "An applied migration creates a trigger the database does not have.");

  public MissingTriggerRule() {
    super(TYPE, DriftKind.MISSING_TRIGGER);
  }
}
