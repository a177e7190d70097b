package io.driftwatch.core.gate;

import io.driftwatch.core.finding.Finding;
import java.util.List;

/**
 * A gate's answer: the verdict, and each finding that decided it with the policy line it matched,
 * failures first.
 */
public record GateResult(GateVerdict verdict, List<Reason> reasons) {

  /** A finding the policy fails or warns on, and the selector that caught it. */
  public record Reason(GateVerdict effect, FindingSelector selector, Finding finding) {}

  public GateResult {
    reasons = List.copyOf(reasons);
  }
}
