package io.driftwatch.core.rules;

import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.lint.AlterTableActions;
import io.driftwatch.core.lint.LintContext;
import io.driftwatch.core.sql.MaskedSql;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code ADD COLUMN} with a volatile default ({@code random()}, {@code gen_random_uuid()}, {@code
 * clock_timestamp()}, a sequence): since PostgreSQL 11 a non-volatile default (a constant, {@code
 * now()}, {@code CURRENT_TIMESTAMP}) is stored once and costs nothing, but a volatile one is
 * computed per row, rewriting the table under an ACCESS EXCLUSIVE lock.
 */
public final class VolatileDefaultRule implements LintRule {

  public static final FindingType TYPE =
      new FindingType(
          "MS016",
          "VOLATILE_DEFAULT",
          Severity.WARNING,
          "A pending migration adds a column with a volatile default: the table is rewritten while reads and writes wait.");

  private static final Pattern DEFAULT = Pattern.compile("\\bDEFAULT\\b", Pattern.CASE_INSENSITIVE);

  /**
   * A volatile function call, looked for after the first DEFAULT. One pattern {@code
   * DEFAULT.*?call} would scan to the end from every DEFAULT when there is no call: quadratic in a
   * definition holding many of them.
   */
  private static final Pattern VOLATILE =
      Pattern.compile(
          "\\b(random|gen_random_uuid|uuid_generate_v1|uuid_generate_v1mc|uuid_generate_v4|"
              + "clock_timestamp|timeofday|nextval)\\s*\\(",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern SERIAL =
      Pattern.compile("^\\s*((?:SMALL|BIG)?SERIAL[248]?)\\b", Pattern.CASE_INSENSITIVE);

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> findings = new ArrayList<>();
    for (LintContext.AlterAction action :
        context.alterActionsOnTablesWithRows("ADD", AlterTableActions.ADD_COLUMN)) {
      String definition = action.match().group(2);
      Matcher serial = SERIAL.matcher(definition);
      String call =
          MaskedSql.mayContain(definition, "DEFAULT") ? volatileCallAfterDefault(definition) : null;
      String what =
          call != null
              ? call + "()"
              : serial.find() ? serial.group(1) + " (a nextval() default)" : null;
      if (what == null) {
        continue;
      }
      String table = action.table();
      String column = action.match().group(1);
      findings.add(
          TYPE.at(
              context.migration(),
              action.statement().lineLabel()
                  + " adds "
                  + table
                  + "."
                  + column
                  + " with the volatile default "
                  + what
                  + context.rowsNote(table)
                  + ": PostgreSQL computes it for every row, rewriting the table under "
                  + "an ACCESS EXCLUSIVE lock, and every read and write waits until it ends.",
              "Add the column without a default (`ADD COLUMN "
                  + column
                  + " ...;`), then `ALTER COLUMN "
                  + column
                  + " SET DEFAULT ...;` (only new rows get it), and backfill existing rows in batches outside the "
                  + "migration."));
    }
    return findings;
  }

  /** The first volatile function called after the definition's first DEFAULT, or null. */
  private static String volatileCallAfterDefault(String definition) {
    Matcher keyword = DEFAULT.matcher(definition);
    if (!keyword.find()) {
      return null;
    }
    Matcher call = VOLATILE.matcher(definition);
    return call.find(keyword.end()) ? call.group(1) : null;
  }
}
