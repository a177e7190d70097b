package io.driftwatch.core.rules;

import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.rules.support.DriftKindRule;

/** The database has a function or procedure no applied migration creates: the drift's SQL both ways, and the catch-up migration. */
public final class UntrackedFunctionRule extends DriftKindRule {

  public static final FindingType TYPE = new FindingType("SD029", "UNTRACKED_FUNCTION", Severity.WARNING,
      "The database has a function or procedure that no applied migration creates.");

  public UntrackedFunctionRule() {
    super(TYPE, DriftKind.UNTRACKED_FUNCTION);
  }
}
