package io.driftwatch.alerts;

import io.driftwatch.audit.report.FindingReport;
import io.driftwatch.core.finding.Severity;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one audit changes in an environment's open findings: the ones that appeared (to notify), the
 * ones that cleared (to notify as resolved), and the ones still open.
 *
 * @param opened findings at or above the threshold that were not open before, in report order
 * @param resolved fingerprints that were open and are gone
 * @param stillOpen fingerprints open before and now
 */
public record AlertPlan(List<FindingReport> opened, List<String> resolved, List<String> stillOpen) {

  public static AlertPlan of(
      Set<String> openBefore, List<FindingReport> findings, Severity threshold) {
    Map<String, FindingReport> current = new LinkedHashMap<>();
    for (FindingReport finding : findings) {
      if (finding.severity().atLeast(threshold)) {
        current.putIfAbsent(AlertPolicy.fingerprint(finding.code(), finding.key()), finding);
      }
    }
    List<FindingReport> opened = new ArrayList<>();
    List<String> stillOpen = new ArrayList<>();
    current.forEach(
        (fingerprint, finding) -> {
          if (openBefore.contains(fingerprint)) {
            stillOpen.add(fingerprint);
          } else {
            opened.add(finding);
          }
        });
    List<String> resolved =
        openBefore.stream()
            .filter(fingerprint -> !current.containsKey(fingerprint))
            .sorted()
            .toList();
    return new AlertPlan(List.copyOf(opened), resolved, List.copyOf(stillOpen));
  }
}
