package io.driftwatch.cli;

import io.driftwatch.audit.report.CheckReport;
import io.driftwatch.audit.report.FindingReport;

/**
 * GitHub Actions workflow commands: one annotation per finding, on the line of its {@code
 * migration.sql} where it has one; an error where the policy fails on it, a warning where it warns,
 * a notice otherwise. The values are escaped as the runner expects (the message's {@code %}, CR and
 * LF; a property's {@code :} and {@code ,} too), so no script text can forge a command.
 */
final class GithubAnnotations {

  private GithubAnnotations() {}

  static String of(CheckReport check, MigrationFiles files) {
    StringBuilder out = new StringBuilder();
    ReasonIndex index = new ReasonIndex(check);
    if (check.audit().error() != null) {
      out.append("::error title=driftwatch could not check::")
          .append(message(check.audit().error().message()))
          .append('\n');
    }
    if (check.audit().findings() != null) {
      for (FindingReport finding : check.audit().findings()) {
        CheckReport.Verdict effect = index.effect(finding);
        out.append("::")
            .append(
                effect == CheckReport.Verdict.FAIL
                    ? "error"
                    : effect == CheckReport.Verdict.WARN ? "warning" : "notice");
        String migration = index.scriptOf(finding);
        StringBuilder properties = new StringBuilder();
        if (migration != null) {
          properties.append("file=").append(property(files.script(migration)));
          properties.append(",line=").append(finding.line() == null ? 1 : finding.line());
          properties.append(',');
        }
        properties.append("title=").append(property(finding.code() + " " + finding.name()));
        out.append(' ')
            .append(properties)
            .append("::")
            .append(message(finding.message() + "\nFix: " + finding.help()))
            .append('\n');
      }
    }
    out.append("::notice title=driftwatch ")
        .append(check.verdict())
        .append("::")
        .append(message(check.reasons().size() + " finding(s) decided the verdict"))
        .append('\n');
    return out.toString();
  }

  static String message(String text) {
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
  }

  static String property(String text) {
    return message(text).replace(":", "%3A").replace(",", "%2C");
  }
}
