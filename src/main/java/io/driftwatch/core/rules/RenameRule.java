package io.driftwatch.core.rules;

import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.effect.SchemaObject;
import io.driftwatch.core.effect.SchemaObject.Kind;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.lint.LintContext;
import java.util.ArrayList;
import java.util.List;

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

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Effect rename : context.effectsOf("ALTER", "TABLE")) {
      Kind kind = rename.object().kind();
      if (rename.action() != Effect.Action.RENAME || kind != Kind.TABLE && kind != Kind.COLUMN) {
        continue;
      }
      SchemaObject old = rename.previous().orElseThrow();
      boolean movesSchema = !old.name().schema().equals(rename.object().name().schema());
      if (movesSchema || context.createsTable(old.name())) {
        continue; // SET SCHEMA moves the table, and a new table has no clients yet
      }
      boolean column = kind == Kind.COLUMN;
      String table = rename.writtenOwner();
      String what = column ? "column " + table + "." + rename.writtenPart() : "table " + table;
      String map = column ? "@map(\"" + old.part() + "\")" : "@@map(\"" + old.name().name() + "\")";
      findings.add(
          TYPE.at(
                  context.migration(),
                  rename.statement().lineLabel()
                      + " renames "
                      + what
                      + " to "
                      + rename.writtenRenamedTo()
                      + ": application instances still running "
                      + "the previous Prisma Client query the old name and fail (P2021/P2022) until they are replaced.",
                  "Keep the database name and rename only in schema.prisma with "
                      + map
                      + "; or expand and contract: add the new "
                      + (column ? "column" : "table")
                      + ", write to both, switch readers, and drop the old one in a later migration.")
              .atLine(rename.statement().line()));
    }
    return findings;
  }
}
