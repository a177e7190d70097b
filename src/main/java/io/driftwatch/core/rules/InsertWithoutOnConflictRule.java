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
 * {@code INSERT} without {@code ON CONFLICT}: run twice (a migration fixed and re-applied, rows
 * already seeded elsewhere) it fails on a unique key or duplicates rows.
 */
public final class InsertWithoutOnConflictRule implements LintRule {

  public static final FindingType TYPE =
      new FindingType(
          "MS015",
          "INSERT_WITHOUT_ON_CONFLICT",
          Severity.INFO,
          "A pending migration inserts rows without ON CONFLICT: it is not safe to run twice.");

  private static final Pattern INTO =
      Pattern.compile(
          "^\\s*INSERT\\s+INTO\\s+(" + MaskedSql.QUALIFIED_NAME + ")", Pattern.CASE_INSENSITIVE);
  private static final Pattern GUARDED =
      Pattern.compile("\\bON\\s+CONFLICT\\b|\\bNOT\\s+EXISTS\\b", Pattern.CASE_INSENSITIVE);

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> findings = new ArrayList<>();
    for (SqlStatement statement : context.statements()) {
      if (!statement.is("INSERT")) {
        continue;
      }
      String code = context.code(statement);
      Matcher into = INTO.matcher(code);
      if (!into.find()
          || (mayBeGuarded(code) && GUARDED.matcher(MaskedSql.keywordsOf(code)).find())) {
        continue;
      }
      String table = MaskedSql.group(into, 1);
      if (context.createsTable(table)) {
        continue;
      }
      findings.add(
          TYPE.at(
              context.migration(),
              statement.lineLabel()
                  + " inserts into "
                  + table
                  + " without ON CONFLICT: run again (a migration "
                  + "fixed and re-applied, or rows already there) it fails on a unique key (23505) or adds duplicates.",
              "Add `ON CONFLICT (key) DO NOTHING` (or `ON CONFLICT (key) DO UPDATE SET ...`) so the statement can "
                  + "run twice safely."));
    }
    return findings;
  }

  private static boolean mayBeGuarded(String code) {
    return MaskedSql.mayContain(code, "CONFLICT") || MaskedSql.mayContain(code, "EXISTS");
  }
}
