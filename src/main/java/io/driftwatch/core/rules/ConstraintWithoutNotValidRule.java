package io.driftwatch.core.rules;

import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.lint.LintContext;
import io.driftwatch.core.sql.MaskedSql;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ADD CONSTRAINT ... FOREIGN KEY} or {@code CHECK} without {@code NOT VALID} on an existing
 * table: every row is checked while the table is locked. Prisma adds the foreign keys of new tables
 * this way; those are empty and not reported.
 */
public final class ConstraintWithoutNotValidRule implements LintRule {

  public static final FindingType TYPE =
      new FindingType(
          "MS008",
          "CONSTRAINT_WITHOUT_NOT_VALID",
          Severity.WARNING,
          "A pending migration adds a foreign key or check to an existing table without NOT VALID: every row is checked under lock.");

  private static final Pattern ADD_CONSTRAINT =
      Pattern.compile(
          "^ADD\\s+(?:CONSTRAINT\\s+(" + MaskedSql.NAME + ")\\s+)?(FOREIGN\\s+KEY|CHECK)\\b",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern NOT_VALID =
      Pattern.compile("\\bNOT\\s+VALID\\b", Pattern.CASE_INSENSITIVE);

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> findings = new ArrayList<>();
    for (LintContext.AlterAction action :
        context.alterActionsOnTablesWithRows("ADD", ADD_CONSTRAINT)) {
      if (MaskedSql.mayContain(action.text(), "VALID")
          && NOT_VALID.matcher(MaskedSql.keywordsOf(action.text())).find()) {
        continue;
      }
      Matcher add = action.match();
      boolean foreignKey = add.group(2).toUpperCase(Locale.ROOT).startsWith("FOREIGN");
      String kind = foreignKey ? "foreign key" : "check";
      String name = add.group(1) == null ? "the constraint" : add.group(1);
      String table = action.table();
      findings.add(
          TYPE.at(
              context.migration(),
              action.statement().lineLabel()
                  + " adds "
                  + kind
                  + " "
                  + name
                  + " to "
                  + table
                  + context.rowsNote(table)
                  + " without NOT VALID: PostgreSQL checks every row while holding a lock "
                  + "that blocks writes to "
                  + table
                  + (foreignKey ? " and to the referenced table" : "")
                  + ".",
              "Add it with `ALTER TABLE "
                  + table
                  + " ADD CONSTRAINT "
                  + name
                  + " ... NOT VALID;` here, and run "
                  + "`ALTER TABLE "
                  + table
                  + " VALIDATE CONSTRAINT "
                  + name
                  + ";` in a second migration: validating "
                  + "lets reads and writes go on (in one migration, Prisma's transaction would hold the first lock "
                  + "through the check)."));
    }
    return findings;
  }
}
