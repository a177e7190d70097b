package io.driftwatch.audit;

import io.driftwatch.audit.report.PlanReport;
import io.driftwatch.core.plan.MigrationSafety.Safety;
import io.driftwatch.core.plan.PlanStep.Language;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The resolution plan as a Markdown runbook, in the order a person reads it during an incident. */
public final class PlanMarkdown {

  public static final String MEDIA_TYPE = "text/markdown";

  private PlanMarkdown() {}

  public static String render(String environment, Instant auditedAt, PlanReport plan) {
    StringBuilder md = new StringBuilder();
    md.append("# Resolution plan: ").append(environment).append("\n\n");
    md.append("Written from the audit of ")
        .append(auditedAt)
        .append(" (schema `")
        .append(plan.environmentSchema())
        .append("`).\n\n")
        .append(plan.summary())
        .append("\n\n");

    md.append("## Current state\n\n");
    state(md, "Applied", String.valueOf(plan.state().applied()));
    state(md, "Pending", list(plan.state().pending()));
    state(md, "Failed", list(plan.state().failed()));
    state(md, "Phantom", list(plan.state().phantom()));
    if (!plan.state().applying().isEmpty()) {
      state(md, "Being applied now", list(plan.state().applying()));
    }
    md.append("- Data: ")
        .append(plan.data().holdsData())
        .append(". ")
        .append(plan.data().reason())
        .append("\n\n");

    if (!plan.failed().isEmpty()) {
      md.append("## Failed migrations\n\n");
      for (PlanReport.Failed failed : plan.failed()) {
        md.append("### ")
            .append(failed.migration())
            .append(": ")
            .append(label(failed.verdict().name()))
            .append("\n\n");
        if (!failed.error().isEmpty()) {
          md.append("Error: `").append(inCode(failed.error())).append("`\n\n");
        }
        bullets(md, "In the database", failed.present());
        bullets(md, "Missing", failed.missing());
        if (!failed.unverifiable().isEmpty()) {
          md.append("Not checkable from the schema:\n\n```sql\n")
              .append(String.join("\n", failed.unverifiable()))
              .append("\n```\n\n");
        }
        if (failed.idempotent()) {
          md.append("The script is idempotent: re-running it is safe.\n\n");
        }
      }
    }
    if (!plan.phantoms().isEmpty()) {
      md.append("## Phantom migrations\n\n");
      for (PlanReport.Phantom phantom : plan.phantoms()) {
        md.append("### ")
            .append(phantom.migration())
            .append(": ")
            .append(label(phantom.verdict().name()))
            .append("\n\n")
            .append("Git: ")
            .append(phantom.evidence().toLowerCase(Locale.ROOT))
            .append(phantom.commit().isEmpty() ? "" : " (" + phantom.commit() + ")")
            .append(", `")
            .append(phantom.location())
            .append("`\n\n");
        bullets(md, "Done by no folder migration", phantom.notInOtherMigrations());
        bullets(md, "Candidates (live objects no migration explains)", phantom.candidates());
      }
    }
    if (!plan.migrations().isEmpty()) {
      md.append(
          "## Safety of the pending migrations\n\n| Migration | Safety | Findings | Data at risk |\n|---|---|---|---|\n");
      for (PlanReport.MigrationSafety migration : plan.migrations()) {
        md.append("| ")
            .append(migration.migration())
            .append(" | ")
            .append(migration.safety())
            .append(" | ")
            .append(
                cell(
                    migration.findings().stream()
                        .map(f -> f.substring(0, Math.min(f.length(), 5)))
                        .distinct()
                        .toList()))
            .append(" | ")
            .append(cell(migration.dataAtRisk().stream().map(PlanMarkdown::risk).toList()))
            .append(" |\n");
      }
      md.append('\n');
      for (PlanReport.MigrationSafety migration : plan.migrations()) {
        if (migration.safety() == Safety.SAFE) {
          continue;
        }
        md.append("### ").append(migration.migration()).append("\n\n");
        migration
            .predictedFailures()
            .forEach(p -> md.append("- Will fail (P3018): ").append(failure(p)).append('\n'));
        if (!migration.shadowError().isEmpty()) {
          md.append(
                  migration.safety() == Safety.WILL_FAIL
                      ? "- Fails on the shadow replica: `"
                      : "- Not replayed to its end on the shadow replica: `")
              .append(inCode(migration.shadowError()))
              .append("`\n");
        }
        migration.findings().forEach(f -> md.append("- ").append(f).append('\n'));
        migration
            .dataAtRisk()
            .forEach(r -> md.append("- Data at risk: ").append(risk(r)).append('\n'));
        md.append('\n');
      }
    }
    md.append("## Pre-flight checks\n\n");
    for (PlanReport.Preflight check : plan.preflight()) {
      md.append("- **")
          .append(check.status())
          .append("** ")
          .append(check.check())
          .append(": ")
          .append(check.detail())
          .append('\n');
    }
    md.append("\n## Steps\n\n");
    if (plan.steps().isEmpty()) {
      md.append("Nothing to do.\n\n");
    }
    for (PlanReport.Step step : plan.steps()) {
      md.append(step.number())
          .append(". **")
          .append(step.title())
          .append("** (risk: ")
          .append(step.risk().name().toLowerCase(Locale.ROOT))
          .append(")\n\n");
      if (!step.command().isEmpty()) {
        md.append("   ```")
            .append(step.language() == Language.none ? "" : step.language().name())
            .append('\n');
        step.command().lines().forEach(line -> md.append("   ").append(line).append('\n'));
        md.append("   ```\n\n");
      }
      md.append("   Why: ").append(step.why()).append("\n\n");
      if (!step.riskNote().isEmpty()) {
        md.append("   Risk: ").append(step.riskNote()).append("\n\n");
      }
    }
    if (!plan.verification().isEmpty()) {
      md.append("## After deploying: verify\n\n");
      for (PlanReport.Verification query : plan.verification()) {
        md.append("- ")
            .append(query.checks())
            .append(" (expect ")
            .append(query.expect())
            .append(")\n\n  ```sql\n  ")
            .append(query.sql())
            .append("\n  ```\n");
      }
      md.append('\n');
    }
    if (!plan.rollback().isEmpty()) {
      md.append(
          "## Rollback\n\nPrisma cannot un-apply a migration: ship the reverse SQL as a new migration (or run it "
              + "and keep the history row). Last migration first.\n\n");
      for (PlanReport.Rollback rollback : plan.rollback()) {
        md.append("### ").append(rollback.migration()).append("\n\n");
        if (!rollback.sql().isEmpty()) {
          md.append("```sql\n").append(String.join("\n", rollback.sql())).append("\n```\n\n");
        }
        bullets(md, "Cannot be undone", rollback.irreversible());
      }
    }
    return md.toString();
  }

  private static void state(StringBuilder md, String label, String value) {
    md.append("- ").append(label).append(": ").append(value).append('\n');
  }

  /**
   * Database text inside a code span: a backtick in it would end the span and let the rest render
   * as Markdown.
   */
  private static String inCode(String text) {
    return text.replace("`", "'");
  }

  private static String list(List<String> names) {
    return names.isEmpty() ? "none" : names.size() + " (" + String.join(", ", names) + ")";
  }

  private static void bullets(StringBuilder md, String title, List<String> items) {
    if (items.isEmpty()) {
      return;
    }
    md.append(title).append(":\n\n");
    items.forEach(item -> md.append("- ").append(item).append('\n'));
    md.append('\n');
  }

  private static String cell(List<String> items) {
    return items.isEmpty() ? "-" : String.join(", ", items).replace("|", "\\|");
  }

  private static String risk(PlanReport.AtRisk item) {
    return item.table()
        + " "
        + item.action()
        + (item.rows() < 0
            ? " (rows unknown)"
            : String.format(Locale.ROOT, " (about %,d rows)", item.rows()));
  }

  private static String failure(PlanReport.PredictedFailure failure) {
    return "line "
        + failure.line()
        + ": "
        + failure.object()
        + " "
        + failure.reason()
        + " ("
        + failure.statement()
        + ")";
  }

  private static String label(String verdict) {
    return verdict.toLowerCase(Locale.ROOT).replace('_', ' ');
  }
}
