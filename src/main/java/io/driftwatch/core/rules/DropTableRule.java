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

/** {@code DROP TABLE}: the rows are gone, and clients still using the table fail. */
public final class DropTableRule implements LintRule {

  public static final FindingType TYPE =
      new FindingType(
          "MS001",
          "DROP_TABLE",
          Severity.WARNING,
          "A pending migration drops a table: its rows are lost and clients still using it fail.");

  private static final Pattern DROP_TABLE =
      Pattern.compile("^\\s*DROP\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern TABLE = Pattern.compile(MaskedSql.QUALIFIED_NAME);

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> findings = new ArrayList<>();
    for (SqlStatement statement : context.statements()) {
      if (!statement.is("DROP", "TABLE")) {
        continue;
      }
      String code = context.code(statement);
      Matcher head = DROP_TABLE.matcher(code);
      if (!head.find()) {
        continue;
      }
      Matcher table = TABLE.matcher(code.substring(head.end()));
      while (table.find()) {
        String name = MaskedSql.group(table, 0);
        if (name.equalsIgnoreCase("CASCADE")
            || name.equalsIgnoreCase("RESTRICT")
            || context.createsTable(name)) {
          continue;
        }
        boolean hasRows = context.rowEstimate(name).orElse(0) > 0;
        findings.add(
            TYPE.at(
                context.migration(),
                hasRows ? Severity.ERROR : Severity.WARNING,
                statement.lineLabel()
                    + " drops table "
                    + name
                    + context.rowsNote(name)
                    + ": its rows are lost, and application instances still running the previous Prisma Client fail "
                    + "on it until they are replaced.",
                "Deploy an application that no longer uses "
                    + name
                    + " first (remove the model from schema.prisma), "
                    + "back it up (`pg_dump --table='"
                    + name.replace("'", "''")
                    + "'`), and drop it in a later migration."));
      }
    }
    return findings;
  }
}
