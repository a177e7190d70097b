package io.driftwatch.audit;

import io.driftwatch.audit.report.CheckReport;
import io.driftwatch.audit.report.FindingReport;
import java.util.List;

/** A check as a pull-request comment: the verdict first, then each reason with its fix. */
final class CheckMarkdown {

  private CheckMarkdown() {}

  static String of(
      String environment,
      String ref,
      String commit,
      CheckReport.Verdict verdict,
      List<CheckReport.Reason> reasons,
      String error) {
    StringBuilder out = new StringBuilder();
    out.append("### driftwatch: ")
        .append(icon(verdict))
        .append(' ')
        .append(verdict)
        .append(" for `")
        .append(environment)
        .append('`');
    if (ref != null) {
      out.append(" at `").append(ref).append('`');
    }
    if (commit != null) {
      out.append(" (").append(commit, 0, Math.min(12, commit.length())).append(')');
    }
    out.append("\n\n");
    if (error != null) {
      out.append("The check could not run: ").append(error).append('\n');
      return out.toString();
    }
    if (reasons.isEmpty()) {
      out.append(
          "Nothing the policy fails or warns on: the migrations of this ref apply cleanly.\n");
      return out.toString();
    }
    out.append("| | Code | Migration | What | Fix |\n|---|---|---|---|---|\n");
    for (CheckReport.Reason reason : reasons) {
      FindingReport finding = reason.finding();
      out.append("| ")
          .append(reason.effect() == CheckReport.Verdict.FAIL ? "❌" : "⚠️")
          .append(" | ")
          .append(finding.code())
          .append(" | ")
          .append(cell(finding.migration() != null ? finding.migration() : finding.subject()))
          .append(" | ")
          .append(cell(finding.message()))
          .append(" | ")
          .append(cell(finding.help()))
          .append(" |\n");
    }
    return out.toString();
  }

  private static String icon(CheckReport.Verdict verdict) {
    return switch (verdict) {
      case PASS -> "✅";
      case WARN -> "⚠️";
      case FAIL, ERROR -> "❌";
    };
  }

  /** Text in a table cell: no line breaks, no column separators. */
  private static String cell(String text) {
    return text == null ? "" : text.replace("|", "\\|").replace("\r", " ").replace("\n", " ");
  }
}
