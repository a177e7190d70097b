package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.rules.support.DriftKindRule;

/** An enum value is in the database but no applied migration adds it: the drift's SQL both ways, and the catch-up migration. */
public final class UntrackedEnumValueRule extends DriftKindRule {

  public static final FindingType TYPE = new FindingType("SD003", "UNTRACKED_ENUM_VALUE", Severity.WARNING,
      "An enum value is in the database but no applied migration adds it.");

  public UntrackedEnumValueRule() {
    super(TYPE, DriftKind.UNTRACKED_ENUM_VALUE);
  }
}
