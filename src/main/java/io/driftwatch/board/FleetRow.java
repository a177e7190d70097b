package io.driftwatch.board;

import io.driftwatch.audit.report.AuditSummary;
import java.time.Instant;
import java.util.Map;

/**
 * One environment on the fleet page: its latest audit as counts, how old it is, and when the next
 * one is due.
 *
 * @param audit the latest audit's summary; null before the first
 * @param stale whether no audit finished for over three periods of its schedule (the rule
 *     DriftwatchAuditsStale's measure)
 * @param nextAudit when the schedule fires next; null when paused or never
 */
public record FleetRow(
    String name,
    String tier,
    AuditSummary audit,
    Instant auditedAt,
    boolean stale,
    Instant nextAudit) {

  public String historyState() {
    return audit == null || audit.historyState() == null ? "" : audit.historyState().name();
  }

  public String outcome() {
    return audit == null ? "NOT AUDITED" : audit.outcome().name();
  }

  public int findings(String severity) {
    return count(audit == null ? null : audit.findings(), severity);
  }

  public int migrations(String state) {
    return count(audit == null ? null : audit.migrations(), state);
  }

  public String drift() {
    return audit == null || audit.driftObjects() == null ? "–" : audit.driftObjects().toString();
  }

  public String coverage() {
    return audit == null || audit.coverageRatio() == null
        ? "–"
        : Math.round(audit.coverageRatio() * 100) + " %";
  }

  private static int count(Map<String, Integer> counts, String key) {
    return counts == null ? 0 : counts.getOrDefault(key, 0);
  }
}
