package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.rules.support.DriftKindRule;

/** An applied migration creates a column the database does not have: the drift's SQL both ways, and the catch-up migration. */
public final class MissingColumnRule extends DriftKindRule {

  public static final FindingType TYPE = new FindingType("SD007", "MISSING_COLUMN", Severity.ERROR,
      "An applied migration creates a column the database does not have.");

  public MissingColumnRule() {
    super(TYPE, DriftKind.MISSING_COLUMN);
  }
}
