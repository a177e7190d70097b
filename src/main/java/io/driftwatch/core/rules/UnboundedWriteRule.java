package io.driftwatch.core.rules;

import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.lint.LintContext;
import io.driftwatch.core.sql.MaskedSql;
import io.driftwatch.core.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code UPDATE} or {@code DELETE} without {@code WHERE}: every row, each locked until Prisma
 * commits.
 */
public final class UnboundedWriteRule implements LintRule {

  public static final FindingType TYPE =
      new FindingType(
          "MS010",
          "UPDATE_OR_DELETE_WITHOUT_WHERE",
          Severity.WARNING,
          "A pending migration updates or deletes every row of a table (no WHERE).");

  private static final Pattern TARGET =
      Pattern.compile(
          "^\\s*(?:DELETE\\s+FROM|UPDATE)\\s+(?:ONLY\\s+)?(" + MaskedSql.QUALIFIED_NAME + ")",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern WHERE = Pattern.compile("\\bWHERE\\b", Pattern.CASE_INSENSITIVE);

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> findings = new ArrayList<>();
    for (SqlStatement statement : context.statements()) {
      if (!statement.is("UPDATE") && !statement.is("DELETE")) {
        continue;
      }
      String code = context.code(statement);
      Matcher target = TARGET.matcher(code);
      if (!target.find()
          || (MaskedSql.mayContain(code, "WHERE")
              && WHERE.matcher(MaskedSql.keywordsOf(code)).find())) {
        continue;
      }
      String table = MaskedSql.group(target, 1);
      if (context.isNewOrEmpty(table)) {
        continue;
      }
      String verb = statement.is("UPDATE") ? "updates" : "deletes";
      findings.add(
          TYPE.at(
              context.migration(),
              statement.lineLabel()
                  + " "
                  + verb
                  + " every row of "
                  + table
                  + context.rowsNote(table)
                  + " (no WHERE): each row stays locked until the migration commits, and writes to them wait.",
              "Add the WHERE clause naming the rows meant; for a deliberate backfill of a large table, run it in "
                  + "batches outside the migration (`... WHERE \"id\" BETWEEN 1 AND 10000`)."));
    }
    return findings;
  }
}
