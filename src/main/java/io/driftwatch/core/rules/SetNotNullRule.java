package io.driftwatch.core.rules;

import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.effect.ColumnChange;
import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.lint.LintContext;
import io.driftwatch.core.sql.SqlStatement;
import java.util.List;

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

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(LintContext context) {
    return context.effectsOf("ALTER", "TABLE").stream()
        .filter(effect -> effect.columnChange() == ColumnChange.SET_NOT_NULL)
        .filter(set -> !context.isNewOrEmpty(set.object().name()))
        .map(set -> finding(context, set))
        .toList();
  }

  private static Finding finding(LintContext context, Effect set) {
    SqlStatement statement = set.statement();
    QualifiedName name = set.object().name();
    String table = set.writtenOwner();
    String column = set.writtenPart();
    String check =
        "\""
            + (name.schema().equals("public") ? "" : name.schema() + "_")
            + name.name()
            + "_"
            + set.object().part()
            + "_not_null\"";
    return TYPE.at(
            context.migration(),
            statement.lineLabel()
                + " sets "
                + table
                + "."
                + column
                + " NOT NULL"
                + context.rowsNote(name)
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
                + " SET NOT NULL;` (PostgreSQL 12+ skips the scan thanks to the validated check) and drop the check.")
        .atLine(statement.line());
  }
}
