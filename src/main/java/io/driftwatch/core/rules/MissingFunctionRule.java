package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.rules.support.DriftKindRule;

/** An applied migration creates a function or procedure the database does not have: the drift's SQL both ways, and the catch-up migration. */
public final class MissingFunctionRule extends DriftKindRule {

  public static final FindingType TYPE = new FindingType("SD030", "MISSING_FUNCTION", Severity.WARNING,
      "An applied migration creates a function or procedure the database does not have.");

  public MissingFunctionRule() {
    super(TYPE, DriftKind.MISSING_FUNCTION);
  }
}
