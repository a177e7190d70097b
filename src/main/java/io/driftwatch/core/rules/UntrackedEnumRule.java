package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.rules.support.DriftKindRule;

/** An enum type is in the database but no applied migration creates it: the drift's SQL both ways, and the catch-up migration. */
public final class UntrackedEnumRule extends DriftKindRule {

  public static final FindingType TYPE = new FindingType("SD012", "UNTRACKED_ENUM", Severity.WARNING,
      "An enum type is in the database but no applied migration creates it.");

  public UntrackedEnumRule() {
    super(TYPE, DriftKind.UNTRACKED_ENUM);
  }
}
