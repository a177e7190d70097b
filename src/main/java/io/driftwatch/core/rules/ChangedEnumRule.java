package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.rules.support.DriftKindRule;

/** An enum's values are in another order than the applied migrations create: the drift's SQL both ways, and the catch-up migration. */
public final class ChangedEnumRule extends DriftKindRule {

  public static final FindingType TYPE = new FindingType("SD016", "CHANGED_ENUM", Severity.WARNING,
      "An enum's values are in another order than the applied migrations create.");

  public ChangedEnumRule() {
    super(TYPE, DriftKind.CHANGED_ENUM);
  }
}
