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
 * {@code ALTER TABLE ... RENAME}: clients still using the old name fail until they are replaced.
 */
public final class RenameRule implements LintRule {

  public static final FindingType TYPE =
      new FindingType(
          "MS011",
          "RENAME",
          Severity.WARNING,
          "A pending migration renames a table or column: clients still using the old name fail.");

  private static final Pattern RENAME =
      Pattern.compile(
          "^\\s*ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?("
              + MaskedSql.QUALIFIED_NAME
              + ")\\s+RENAME\\s+"
              + "(?:(?:COLUMN\\s+)?(?!CONSTRAINT\\b|TO\\b)("
              + MaskedSql.NAME
              + ")\\s+)?TO\\s+("
              + MaskedSql.NAME
              + ")",
          Pattern.CASE_INSENSITIVE);

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> findings = new ArrayList<>();
    for (SqlStatement statement : context.statements()) {
      if (!statement.is("ALTER", "TABLE") || !MaskedSql.mayContain(statement.text(), "RENAME")) {
        continue;
      }
      Matcher rename = RENAME.matcher(context.code(statement));
      if (!rename.find() || context.createsTable(MaskedSql.group(rename, 1))) {
        continue;
      }
      String table = MaskedSql.group(rename, 1);
      String column = rename.group(2);
      String to = rename.group(3);
      String what = column == null ? "table " + table : "column " + table + "." + column;
      String map =
          column == null
              ? "@@map(" + MaskedSql.sqlKey(table) + ")"
              : "@map(" + MaskedSql.sqlKey(column) + ")";
      findings.add(
          TYPE.at(
              context.migration(),
              statement.lineLabel()
                  + " renames "
                  + what
                  + " to "
                  + to
                  + ": application instances still running "
                  + "the previous Prisma Client query the old name and fail (P2021/P2022) until they are replaced.",
              "Keep the database name and rename only in schema.prisma with "
                  + map.replace("(", "(\"").replace(")", "\")")
                  + "; or expand and contract: add the new "
                  + (column == null ? "table" : "column")
                  + ", write to both, switch readers, and drop the old one in a later migration."));
    }
    return findings;
  }
}
