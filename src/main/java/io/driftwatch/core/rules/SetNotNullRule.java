package io.driftwatch.core.rules;

import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.lint.LintContext;
import io.driftwatch.core.sql.MaskedSql;
import io.driftwatch.core.sql.SqlStatement;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code ALTER COLUMN ... SET NOT NULL}: a full scan of the table under an ACCESS EXCLUSIVE lock.
 */
public final class SetNotNullRule implements LintRule {

  public static final FindingType TYPE =
      new FindingType(
          "MS004",
          "SET_NOT_NULL",
          Severity.WARNING,
          "A pending migration makes a column NOT NULL: the whole table is scanned while reads and writes wait.");

  private static final Pattern SET_NOT_NULL =
      Pattern.compile(
          "^ALTER\\s+(?:COLUMN\\s+)?(" + MaskedSql.NAME + ")\\s+SET\\s+NOT\\s+NULL\\b",
          Pattern.CASE_INSENSITIVE);

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(LintContext context) {
    return context.alterActions("ALTER", SET_NOT_NULL).stream()
        .filter(set -> !context.isNewOrEmpty(set.table()))
        .map(set -> finding(context, set.statement(), set.table(), set.match().group(1)))
        .toList();
  }

  private static Finding finding(
      LintContext context, SqlStatement statement, String table, String column) {
    String check =
        "\""
            + MaskedSql.sqlKey(table).replace(".", "_")
            + "_"
            + MaskedSql.sqlKey(column)
            + "_not_null\"";
    return TYPE.at(
        context.migration(),
        statement.lineLabel()
            + " sets "
            + table
            + "."
            + column
            + " NOT NULL"
            + context.rowsNote(table)
            + ": PostgreSQL scans the whole table to check it under an ACCESS EXCLUSIVE lock, and every read "
            + "and write waits until it ends.",
        "In one migration `ALTER TABLE "
            + table
            + " ADD CONSTRAINT "
            + check
            + " CHECK ("
            + column
            + " IS NOT NULL) NOT VALID;`, in a second `ALTER TABLE "
            + table
            + " VALIDATE CONSTRAINT "
            + check
            + ";` (reads and writes go on), then `ALTER TABLE "
            + table
            + " ALTER COLUMN "
            + column
            + " SET NOT NULL;` (PostgreSQL 12+ skips the scan thanks to the validated check) and drop the check.");
  }
}
