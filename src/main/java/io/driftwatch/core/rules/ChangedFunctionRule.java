package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.rules.support.DriftKindRule;

/** A function or procedure's body or attributes differ from what the applied migrations create: the drift's SQL both ways, and the catch-up migration. */
public final class ChangedFunctionRule extends DriftKindRule {

  public static final FindingType TYPE = new FindingType("SD031", "CHANGED_FUNCTION", Severity.WARNING,
      "A function or procedure differs from the one the applied migrations create.");

  public ChangedFunctionRule() {
    super(TYPE, DriftKind.CHANGED_FUNCTION);
  }
}
