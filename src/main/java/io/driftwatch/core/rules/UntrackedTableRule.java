package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.rules.support.DriftKindRule;

/** A table is in the database but no applied migration creates it (db push or manual SQL): the drift's SQL both ways, and the catch-up migration. */
public final class UntrackedTableRule extends DriftKindRule {

  public static final FindingType TYPE = new FindingType("SD001", "UNTRACKED_TABLE", Severity.WARNING,
      "A table is in the database but no applied migration creates it (db push or manual SQL).");

  public UntrackedTableRule() {
    super(TYPE, DriftKind.UNTRACKED_TABLE);
  }
}
