package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.rules.support.DriftKindRule;

/** An applied migration creates an enum type the database does not have: the drift's SQL both ways, and the catch-up migration. */
public final class MissingEnumRule extends DriftKindRule {

  public static final FindingType TYPE = new FindingType("SD014", "MISSING_ENUM", Severity.WARNING,
      "An applied migration creates an enum type the database does not have.");

  public MissingEnumRule() {
    super(TYPE, DriftKind.MISSING_ENUM);
  }
}
