package io.driftwatch.core.rules;

import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.lint.LintContext;
import io.driftwatch.core.sql.MaskedSql;
import io.driftwatch.core.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code TRUNCATE}: every row of the table is gone, under an ACCESS EXCLUSIVE lock. */
public final class TruncateRule implements LintRule {

  public static final FindingType TYPE =
      new FindingType(
          "MS009",
          "TRUNCATE",
          Severity.WARNING,
          "A pending migration truncates a table: every row is deleted.");

  private static final Pattern TRUNCATE =
      Pattern.compile("^\\s*TRUNCATE\\s+(?:TABLE\\s+)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern TABLE = Pattern.compile(MaskedSql.QUALIFIED_NAME);
  private static final Set<String> OPTIONS =
      Set.of("ONLY", "RESTART", "CONTINUE", "IDENTITY", "CASCADE", "RESTRICT");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> findings = new ArrayList<>();
    for (SqlStatement statement : context.statements()) {
      if (!statement.is("TRUNCATE")) {
        continue;
      }
      String code = context.code(statement);
      Matcher head = TRUNCATE.matcher(code);
      if (!head.find()) {
        continue;
      }
      Matcher table = TABLE.matcher(code.substring(head.end()));
      while (table.find()) {
        String name = MaskedSql.group(table, 0);
        if (OPTIONS.contains(name.toUpperCase(Locale.ROOT)) || context.isNewOrEmpty(name)) {
          continue;
        }
        boolean hasRows = context.rowEstimate(name).orElse(0) > 0;
        findings.add(
            TYPE.at(
                context.migration(),
                hasRows ? Severity.ERROR : Severity.WARNING,
                statement.lineLabel()
                    + " truncates "
                    + name
                    + context.rowsNote(name)
                    + ": every row is deleted, with no way back but a backup.",
                "If the rows are meant to go, back them up first (`pg_dump --data-only --table='"
                    + name.replace("'", "''")
                    + "'`); if only some are, use `DELETE FROM "
                    + name
                    + " WHERE ...;`."));
      }
    }
    return findings;
  }
}
