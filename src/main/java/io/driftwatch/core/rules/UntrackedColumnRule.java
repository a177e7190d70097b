package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.rules.support.DriftKindRule;

/** A column is in the database but no applied migration creates it: the drift's SQL both ways, and the catch-up migration. */
public final class UntrackedColumnRule extends DriftKindRule {

  public static final FindingType TYPE = new FindingType("SD002", "UNTRACKED_COLUMN", Severity.WARNING,
      "A column is in the database but no applied migration creates it.");

  public UntrackedColumnRule() {
    super(TYPE, DriftKind.UNTRACKED_COLUMN);
  }
}
