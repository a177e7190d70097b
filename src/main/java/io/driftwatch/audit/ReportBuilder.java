package io.driftwatch.audit;

import io.driftwatch.audit.report.AuditError;
import io.driftwatch.audit.report.AuditReport;
import io.driftwatch.audit.report.AuditSummary;
import io.driftwatch.audit.report.CoverageView;
import io.driftwatch.audit.report.DriftReport;
import io.driftwatch.audit.report.FindingReport;
import io.driftwatch.audit.report.HistoryReport;
import io.driftwatch.audit.report.MigrationReport;
import io.driftwatch.audit.report.PrismaStatusReport;
import io.driftwatch.audit.report.RowReport;
import io.driftwatch.audit.report.SourceInfo;
import io.driftwatch.audit.report.TargetInfo;
import io.driftwatch.core.AuditResult;
import io.driftwatch.core.Outcome;
import io.driftwatch.core.finding.Family;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.history.ContractState;
import io.driftwatch.core.history.HistoryRow;
import io.driftwatch.core.history.MigrationHistory;
import io.driftwatch.core.history.MigrationRecord;
import io.driftwatch.core.history.MigrationScript;
import io.driftwatch.core.history.MigrationState;
import io.driftwatch.core.plan.ResolutionPlan;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Turns the engine's result (or the reason there is none) into the stored report. */
final class ReportBuilder {

  private static final int MAX_LOGS = 4000;

  private ReportBuilder() {}

  record Header(UUID id, String environment, String tier, Instant startedAt, Instant finishedAt) {}

  static AuditReport completed(
      Header header,
      SourceInfo source,
      TargetInfo target,
      AuditResult result,
      ResolutionPlan plan) {
    MigrationHistory history = result.history();
    List<MigrationReport> migrations = new ArrayList<>(history.records().size());
    Map<String, Integer> byState = new LinkedHashMap<>();
    for (MigrationState state : MigrationState.values()) {
      byState.put(state.name(), 0);
    }
    for (MigrationRecord record : history.records()) {
      MigrationState state = history.stateOf(record);
      byState.merge(state.name(), 1, Integer::sum);
      migrations.add(
          new MigrationReport(
              record.name(),
              state,
              record.checksumMatches().orElse(null),
              record.appliedBy().orElse(null),
              record.script().map(MigrationScript::checksum).orElse(null),
              record.rows().stream().map(ReportBuilder::row).toList()));
    }
    List<FindingReport> findings = result.findings().stream().map(ReportBuilder::finding).toList();
    DriftReport drift = result.schema().map(SchemaReports::drift).orElse(null);
    CoverageView coverage = result.schema().map(SchemaReports::coverage).orElse(null);
    AuditSummary summary =
        new AuditSummary(
            header.id(),
            header.environment(),
            header.tier(),
            header.startedAt(),
            header.finishedAt(),
            result.outcome(),
            history.state(),
            byState,
            countBySeverity(result.findings()),
            countByFamily(result.findings()),
            result.prismaStatus().exitCode(),
            null,
            drift == null || drift.status() != DriftReport.Status.CHECKED ? null : drift.count(),
            coverage == null ? null : coverage.ratio(),
            result.ownership().owner());
    return new AuditReport(
        header.id(),
        header.environment(),
        header.tier(),
        header.startedAt(),
        header.finishedAt(),
        millis(header),
        result.outcome(),
        null,
        source,
        target,
        new HistoryReport(
            history.state(),
            result.ownership().owner(),
            result.ownership().reason(),
            result.ownership().contract().flatMap(ContractState::markerHash).orElse(null),
            history.lastCommonMigration().orElse(null),
            migrations),
        new PrismaStatusReport(result.prismaStatus().exitCode(), result.prismaStatus().output()),
        findings,
        drift,
        coverage,
        PlanReports.of(plan),
        summary);
  }

  static AuditReport failed(Header header, SourceInfo source, TargetInfo target, AuditError error) {
    AuditSummary summary =
        new AuditSummary(
            header.id(),
            header.environment(),
            header.tier(),
            header.startedAt(),
            header.finishedAt(),
            Outcome.ERROR,
            null,
            Map.of(),
            countBySeverity(List.of()),
            countByFamily(List.of()),
            null,
            error.message(),
            null,
            null,
            null);
    return new AuditReport(
        header.id(),
        header.environment(),
        header.tier(),
        header.startedAt(),
        header.finishedAt(),
        millis(header),
        Outcome.ERROR,
        error,
        source,
        target,
        null,
        null,
        List.of(),
        null,
        null,
        null,
        summary);
  }

  private static long millis(Header header) {
    return Duration.between(header.startedAt(), header.finishedAt()).toMillis();
  }

  /** Every severity, most severe first, at zero. */
  private static Map<String, Integer> zeroBySeverity() {
    Map<String, Integer> counts = new LinkedHashMap<>();
    for (int i = Severity.values().length - 1; i >= 0; i--) {
      counts.put(Severity.values()[i].name(), 0);
    }
    return counts;
  }

  private static Map<String, Integer> countBySeverity(List<Finding> findings) {
    Map<String, Integer> counts = zeroBySeverity();
    for (Finding finding : findings) {
      counts.merge(finding.severity().name(), 1, Integer::sum);
    }
    return counts;
  }

  private static Map<String, Map<String, Integer>> countByFamily(List<Finding> findings) {
    Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
    for (Family family : Family.values()) {
      counts.put(family.name(), zeroBySeverity());
    }
    for (Finding finding : findings) {
      counts.get(finding.type().family().name()).merge(finding.severity().name(), 1, Integer::sum);
    }
    return counts;
  }

  private static RowReport row(HistoryRow row) {
    String logs = row.logs();
    if (logs != null && logs.length() > MAX_LOGS) {
      logs = logs.substring(0, MAX_LOGS) + "…";
    }
    return new RowReport(
        row.id(),
        row.checksum(),
        row.startedAt(),
        row.finishedAt(),
        row.rolledBackAt(),
        row.appliedStepsCount(),
        logs,
        row.state().name());
  }

  static FindingReport finding(Finding finding) {
    return new FindingReport(
        finding.code(),
        finding.name(),
        finding.severity(),
        finding.migration(),
        finding.message(),
        finding.help(),
        FindingReport.Evidence.of(finding.evidence()),
        finding.subject(),
        finding.line() == 0 ? null : finding.line());
  }
}
