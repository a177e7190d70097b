package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.rules.support.DriftKindRule;

/** An applied migration creates a sequence no column owns that the database does not have: the drift's SQL both ways, and the catch-up migration. */
public final class MissingSequenceRule extends DriftKindRule {

  public static final FindingType TYPE = new FindingType("SD036", "MISSING_SEQUENCE", Severity.WARNING,
      "An applied migration creates a sequence, owned by no column, the database does not have.");

  public MissingSequenceRule() {
    super(TYPE, DriftKind.MISSING_SEQUENCE);
  }
}
