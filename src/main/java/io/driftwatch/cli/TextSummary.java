package io.driftwatch.cli;

import io.driftwatch.audit.report.AuditReport;
import io.driftwatch.audit.report.CheckReport;
import io.driftwatch.audit.report.DriftReport;
import io.driftwatch.audit.report.FindingReport;
import io.driftwatch.audit.report.MigrationReport;
import io.driftwatch.core.history.MigrationState;
import java.util.EnumMap;
import java.util.Map;

/**
 * The readable answer: what {@code prisma migrate status} should have said. The verdict and why,
 * every migration not simply applied with its state, the drift, and every finding with its fix.
 */
final class TextSummary {

  private TextSummary() {}

  static String of(CheckReport check) {
    AuditReport audit = check.audit();
    StringBuilder out = new StringBuilder();
    out.append("driftwatch check: ")
        .append(check.verdict())
        .append(" for ")
        .append(check.environment());
    if (check.ref() != null) {
      out.append(" at ").append(check.ref());
    }
    if (check.commit() != null) {
      out.append(" (").append(check.commit(), 0, Math.min(12, check.commit().length())).append(')');
    }
    out.append('\n');
    if (audit.target() != null && audit.target().databaseUrl() != null) {
      out.append("  database    ").append(audit.target().databaseUrl()).append('\n');
    }
    if (audit.source() != null && audit.source().location() != null) {
      out.append("  migrations  ").append(audit.source().location());
      if (audit.source().migrations() != null) {
        out.append(" (").append(audit.source().migrations()).append(" in the folder)");
      }
      out.append('\n');
    }
    if (audit.error() != null) {
      out.append("\nThe check could not run: ").append(audit.error().message()).append('\n');
      return out.toString();
    }
    history(audit, out);
    drift(audit.drift(), out);
    findings(check, out);
    out.append('\n').append(verdict(check)).append('\n');
    return out.toString();
  }

  private static void history(AuditReport audit, StringBuilder out) {
    if (audit.history() == null) {
      return;
    }
    Map<MigrationState, Integer> counts = new EnumMap<>(MigrationState.class);
    for (MigrationReport migration : audit.history().migrations()) {
      counts.merge(migration.state(), 1, Integer::sum);
    }
    out.append("\nHistory: ").append(audit.history().state());
    counts.forEach(
        (state, count) ->
            out.append(", ").append(count).append(' ').append(state.name().toLowerCase()));
    out.append('\n');
    for (MigrationReport migration : audit.history().migrations()) {
      boolean edited = Boolean.FALSE.equals(migration.checksumMatches());
      if (migration.state() != MigrationState.APPLIED || edited) {
        out.append("  ")
            .append(String.format("%-12s", edited ? "EDITED" : migration.state().name()))
            .append(migration.name())
            .append('\n');
      }
    }
  }

  private static void drift(DriftReport drift, StringBuilder out) {
    if (drift == null) {
      return;
    }
    out.append("\nSchema drift: ");
    if (drift.status() == DriftReport.Status.CHECKED) {
      out.append(drift.count() == 0 ? "none" : drift.count() + " difference(s)").append('\n');
      for (DriftReport.Item item : drift.items()) {
        out.append("  ")
            .append(item.kind())
            .append(' ')
            .append(item.object())
            .append(item.member() == null ? "" : "." + item.member())
            .append(": ")
            .append(item.description())
            .append('\n');
      }
    } else {
      out.append(drift.status())
          .append(drift.reason() == null ? "" : " (" + drift.reason() + ")")
          .append('\n');
    }
  }

  private static void findings(CheckReport check, StringBuilder out) {
    var findings = check.audit().findings();
    if (findings == null || findings.isEmpty()) {
      out.append("\nNo findings.\n");
      return;
    }
    out.append("\nFindings (").append(findings.size()).append("):\n");
    for (FindingReport finding : findings) {
      out.append("  ")
          .append(String.format("%-9s", finding.severity()))
          .append(finding.code())
          .append(' ')
          .append(finding.name());
      String where = finding.migration() != null ? finding.migration() : finding.subject();
      if (where != null) {
        out.append("  ").append(where);
        if (finding.line() != null) {
          out.append(':').append(finding.line());
        }
      }
      out.append('\n')
          .append("          ")
          .append(finding.message())
          .append('\n')
          .append("          fix: ")
          .append(finding.help())
          .append('\n');
    }
  }

  private static String verdict(CheckReport check) {
    StringBuilder out = new StringBuilder("Verdict: ").append(check.verdict());
    if (check.reasons().isEmpty()) {
      return out.append(" (nothing the policy fails or warns on)").toString();
    }
    out.append(" by the policy:");
    for (CheckReport.Reason reason : check.reasons()) {
      out.append("\n  ")
          .append(reason.effect())
          .append(' ')
          .append(reason.finding().code())
          .append(reason.finding().key() == null ? "" : " " + reason.finding().key())
          .append("  (")
          .append(reason.rule())
          .append(')');
    }
    return out.toString();
  }
}
