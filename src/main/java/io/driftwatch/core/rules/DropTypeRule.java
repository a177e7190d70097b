package io.driftwatch.core.rules;

import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.effect.SchemaObject.Kind;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.lint.LintContext;
import io.driftwatch.core.sql.SqlStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(LintContext context) {
    Map<QualifiedName, String> renamedFrom = new HashMap<>();
    for (Effect rename : context.effectsOf("ALTER", "TYPE")) {
      if (rename.action() == Effect.Action.RENAME && rename.object().kind() == Kind.ENUM) {
        renamedFrom.put(rename.object().name(), rename.writtenOwner());
      }
    }
    List<Finding> findings = new ArrayList<>();
    for (Effect drop : context.effectsOf("DROP", "TYPE")) {
      if (drop.action() != Effect.Action.DROP) {
        continue;
      }
      String original = renamedFrom.get(drop.object().name());
      findings.add(
          original != null
              ? recreated(context, drop.statement(), original)
              : dropped(context, drop.statement(), drop.writtenOwner()));
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
                + " before deploying.")
        .atLine(statement.line());
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
                + ";` without CASCADE.")
        .atLine(statement.line());
  }
}
