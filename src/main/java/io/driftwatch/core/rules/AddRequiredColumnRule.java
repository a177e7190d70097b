package io.driftwatch.core.rules;

import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.lint.AlterTableActions;
import io.driftwatch.core.lint.LintContext;
import io.driftwatch.core.sql.MaskedSql;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ADD COLUMN ... NOT NULL} without a default: PostgreSQL fills the new column with nulls, so
 * the statement fails (23502) as soon as the table has a row. Prisma generates exactly this for a
 * new required field without {@code @default}.
 */
public final class AddRequiredColumnRule implements LintRule {

  public static final FindingType TYPE =
      new FindingType(
          "MS005",
          "ADD_REQUIRED_COLUMN_WITHOUT_DEFAULT",
          Severity.ERROR,
          "A pending migration adds a NOT NULL column without a default: it fails on a table with rows.");

  private static final Pattern NOT_NULL =
      Pattern.compile("\\bNOT\\s+NULL\\b", Pattern.CASE_INSENSITIVE);

  /** A default, an identity or generated column, or a serial type (an implicit nextval default). */
  private static final Pattern FILLED =
      Pattern.compile(
          "\\bDEFAULT\\b|\\bGENERATED\\b|^\\s*(?:SMALL|BIG)?SERIAL[248]?\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Set<String> TABLE_CONSTRAINTS =
      Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "EXCLUDE");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> findings = new ArrayList<>();
    for (LintContext.AlterAction action :
        context.alterActionsOnTablesWithRows("ADD", AlterTableActions.ADD_COLUMN)) {
      Matcher add = action.match();
      if (TABLE_CONSTRAINTS.contains(add.group(1).toUpperCase(Locale.ROOT))
          || !MaskedSql.mayContain(add.group(2), "NULL")) {
        continue;
      }
      String definition = MaskedSql.keywordsOf(add.group(2));
      if (!NOT_NULL.matcher(definition).find() || FILLED.matcher(definition).find()) {
        continue;
      }
      String table = action.table();
      OptionalLong rows = context.rowEstimate(table);
      String column = add.group(1);
      String when =
          rows.isPresent()
              ? " and " + table + " has rows" + context.rowsNote(table)
              : "; "
                  + table
                  + " is of unknown size, and the statement fails if it has a single row";
      findings.add(
          TYPE.at(
              context.migration(),
              rows.isPresent() ? Severity.ERROR : Severity.WARNING,
              action.statement().lineLabel()
                  + " adds "
                  + table
                  + "."
                  + column
                  + " NOT NULL without a default"
                  + when
                  + ": PostgreSQL fills existing rows with null and rejects the statement (23502), so the "
                  + "deploy fails (P3018).",
              "Add the column with a default (`ADD COLUMN "
                  + column
                  + " ... NOT NULL DEFAULT ...`, free since "
                  + "PostgreSQL 11; in schema.prisma a @default), or add it nullable, backfill it, and `SET NOT NULL` "
                  + "in a later migration."));
    }
    return findings;
  }
}
