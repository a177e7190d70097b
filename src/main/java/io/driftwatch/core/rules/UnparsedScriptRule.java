package io.driftwatch.core.rules;

import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.lint.LintContext;
import java.util.List;

/** A script the splitter lost track in: statements from there on are not linted. */
public final class UnparsedScriptRule implements LintRule {

  public static final FindingType TYPE =
      new FindingType(
          "MS017",
          "UNPARSED_MIGRATION_SCRIPT",
          Severity.WARNING,
          "A pending migration.sql has an unterminated quote, comment or parenthesis: the rest of it is not linted.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(LintContext context) {
    return context.problems().stream()
        .map(
            problem ->
                TYPE.at(
                    context.migration(),
                    "Line "
                        + problem.line()
                        + ", column "
                        + problem.column()
                        + ": "
                        + problem.code().description()
                        + ". Everything from there to the end of the script reads as one statement: it is not linted, "
                        + "and PostgreSQL will most likely reject it.",
                    "Close the construct, then run the script against a scratch database "
                        + "(`psql -v ON_ERROR_STOP=1 -f migration.sql`) before deploying it."))
        .toList();
  }
}
