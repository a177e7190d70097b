package io.driftwatch.board;

import io.driftwatch.audit.report.AuditReport;
import io.driftwatch.audit.report.AuditSummary;
import io.driftwatch.audit.report.CoverageView;
import io.driftwatch.audit.report.MigrationReport;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * One audit as a page: the migrations as a timeline, the findings with their fixes, the drift both
 * ways, coverage with its gaps first, the plan, Prisma's own status beside it, and the
 * environment's recent audits.
 *
 * @param plan the resolution plan as the Markdown runbook; null when the audit wrote none
 * @param history the environment's recent audits, newest first; empty when not asked
 * @param latest whether this is the environment's page (its latest audit), not an audit's own
 */
public record ReportView(
    AuditReport audit, String plan, List<AuditSummary> history, boolean latest) {

  public List<MigrationReport> migrations() {
    return audit.history() == null ? List.of() : audit.history().migrations();
  }

  /** A migration's state as the timeline shows it: an edited one says so. */
  public static String state(MigrationReport migration) {
    return Boolean.FALSE.equals(migration.checksumMatches()) ? "EDITED" : migration.state().name();
  }

  /** The coverage items, what is missing first. */
  public List<CoverageView.Item> coverage() {
    if (audit.coverage() == null || audit.coverage().items() == null) {
      return List.of();
    }
    return audit.coverage().items().stream()
        .sorted(Comparator.comparing((CoverageView.Item item) -> "COVERED".equals(item.status())))
        .toList();
  }

  /**
   * The findings over the recent audits, oldest first, for the chart: time and count by severity.
   */
  public String chart() {
    StringBuilder json = new StringBuilder("[");
    List<AuditSummary> oldestFirst = new ArrayList<>(history);
    Collections.reverse(oldestFirst);
    for (AuditSummary summary : oldestFirst) {
      Map<String, Integer> findings = summary.findings() == null ? Map.of() : summary.findings();
      if (json.length() > 1) {
        json.append(',');
      }
      json.append('[')
          .append(summary.startedAt() == null ? 0 : summary.startedAt().getEpochSecond())
          .append(',')
          .append(findings.getOrDefault("CRITICAL", 0) + findings.getOrDefault("ERROR", 0))
          .append(',')
          .append(findings.getOrDefault("WARNING", 0))
          .append(',')
          .append(findings.getOrDefault("INFO", 0))
          .append(']');
    }
    return json.append(']').toString();
  }
}
