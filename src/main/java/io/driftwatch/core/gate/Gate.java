package io.driftwatch.core.gate;

import io.driftwatch.core.finding.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Judges an audit's findings by a policy. */
public final class Gate {

  private Gate() {}

  /**
   * @param tier the environment's tier label ({@code production}): selectors with {@code @tier}
   *     apply only there
   */
  public static GateResult judge(List<Finding> findings, GatePolicy policy, String tier) {
    List<GateResult.Reason> failures = new ArrayList<>();
    List<GateResult.Reason> warnings = new ArrayList<>();
    for (Finding finding : findings) {
      Optional<FindingSelector> fails = first(policy.failOn(), finding, tier);
      if (fails.isPresent()) {
        failures.add(new GateResult.Reason(GateVerdict.FAIL, fails.get(), finding));
        continue;
      }
      first(policy.warnOn(), finding, tier)
          .ifPresent(
              selector -> warnings.add(new GateResult.Reason(GateVerdict.WARN, selector, finding)));
    }
    GateVerdict verdict =
        !failures.isEmpty()
            ? GateVerdict.FAIL
            : !warnings.isEmpty() ? GateVerdict.WARN : GateVerdict.PASS;
    List<GateResult.Reason> reasons = new ArrayList<>(failures);
    reasons.addAll(warnings);
    return new GateResult(verdict, reasons);
  }

  private static Optional<FindingSelector> first(
      List<FindingSelector> selectors, Finding finding, String tier) {
    return selectors.stream().filter(s -> s.matches(finding, tier)).findFirst();
  }
}
