package io.driftwatch.core.rules;

import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.lint.LintContext;
import io.driftwatch.core.sql.MaskedSql;
import io.driftwatch.core.sql.SqlStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code DROP TYPE}, and the way Prisma removes an enum value: rename the type to {@code _old},
 * create it again without the value, cast every column, drop the old type. Rows holding a removed
 * value make the cast fail.
 */
public final class DropTypeRule implements LintRule {

  public static final FindingType TYPE =
      new FindingType(
          "MS012",
          "DROP_TYPE",
          Severity.WARNING,
          "A pending migration drops a type, or recreates an enum without some values: rows still holding them fail the migration.");

  private static final Pattern DROP_TYPE =
      Pattern.compile("^\\s*DROP\\s+TYPE\\s+(?:IF\\s+EXISTS\\s+)?", Pattern.CASE_INSENSITIVE);
  private static final Pattern NAME = Pattern.compile(MaskedSql.QUALIFIED_NAME);
  private static final Pattern RENAME_TYPE =
      Pattern.compile(
          "^\\s*ALTER\\s+TYPE\\s+("
              + MaskedSql.QUALIFIED_NAME
              + ")\\s+RENAME\\s+TO\\s+("
              + MaskedSql.NAME
              + ")",
          Pattern.CASE_INSENSITIVE);

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(LintContext context) {
    Map<String, String> renamedFrom = new HashMap<>();
    for (SqlStatement statement : context.statements()) {
      if (!statement.is("ALTER", "TYPE")) {
        continue;
      }
      Matcher rename = RENAME_TYPE.matcher(context.code(statement));
      if (rename.find()) {
        renamedFrom.put(MaskedSql.sqlKey(rename.group(2)), MaskedSql.group(rename, 1));
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (SqlStatement statement : context.statements()) {
      if (!statement.is("DROP", "TYPE")) {
        continue;
      }
      String code = context.code(statement);
      Matcher head = DROP_TYPE.matcher(code);
      if (!head.find()) {
        continue;
      }
      Matcher name = NAME.matcher(code.substring(head.end()));
      while (name.find()) {
        String type = MaskedSql.group(name, 0);
        if (type.equalsIgnoreCase("CASCADE") || type.equalsIgnoreCase("RESTRICT")) {
          continue;
        }
        String original = renamedFrom.get(MaskedSql.sqlKey(type.replaceFirst("^.*\\.", "")));
        findings.add(
            original != null
                ? recreated(context, statement, original)
                : dropped(context, statement, type));
      }
    }
    return findings;
  }

  private static Finding recreated(LintContext context, SqlStatement statement, String type) {
    return TYPE.at(
        context.migration(),
        statement.lineLabel()
            + " ends recreating enum "
            + type
            + " (renamed, created again, old one dropped): "
            + "values left out are removed, the cast of each column fails (22P02) if a row still holds one, and "
            + "application instances still writing one fail.",
        "In an earlier migration move the rows off the removed values (`UPDATE ... SET \"column\" = 'NEW' WHERE "
            + "\"column\" = 'REMOVED';`) and deploy an application that no longer writes them; check with "
            + "`SELECT DISTINCT \"column\"` on each column of type "
            + type
            + " before deploying.");
  }

  private static Finding dropped(LintContext context, SqlStatement statement, String type) {
    return TYPE.at(
        context.migration(),
        statement.lineLabel()
            + " drops type "
            + type
            + ": it fails (2BP01) while a column still uses it, "
            + "and with CASCADE it drops those columns and their data.",
        "Drop or convert the columns of type "
            + type
            + " first (`ALTER TABLE ... ALTER COLUMN ... TYPE TEXT`), "
            + "after deploying an application that no longer uses them, then `DROP TYPE "
            + type
            + ";` without CASCADE.");
  }
}
