package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.rules.support.DriftKindRule;

/** An applied migration creates a table the database does not have: the drift's SQL both ways, and the catch-up migration. */
public final class MissingTableRule extends DriftKindRule {

  public static final FindingType TYPE = new FindingType("SD006", "MISSING_TABLE", Severity.ERROR,
      "An applied migration creates a table the database does not have.");

  public MissingTableRule() {
    super(TYPE, DriftKind.MISSING_TABLE);
  }
}
