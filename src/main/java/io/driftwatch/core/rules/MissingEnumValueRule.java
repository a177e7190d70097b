package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.rules.support.DriftKindRule;

/** An applied migration adds an enum value the database does not have: the drift's SQL both ways, and the catch-up migration. */
public final class MissingEnumValueRule extends DriftKindRule {

  public static final FindingType TYPE = new FindingType("SD008", "MISSING_ENUM_VALUE", Severity.WARNING,
      "An applied migration adds an enum value the database does not have.");

  public MissingEnumValueRule() {
    super(TYPE, DriftKind.MISSING_ENUM_VALUE);
  }
}
