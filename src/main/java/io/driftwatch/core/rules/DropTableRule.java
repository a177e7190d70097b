package io.driftwatch.core.rules;

import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.effect.DataLoss;
import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.lint.LintContext;
import java.util.ArrayList;
import java.util.List;

/** {@code DROP TABLE}: the rows are gone, and clients still using the table fail. */
public final class DropTableRule implements LintRule {

  public static final FindingType TYPE =
      new FindingType(
          "MS001",
          "DROP_TABLE",
          Severity.WARNING,
          "A pending migration drops a table: its rows are lost and clients still using it fail.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Effect drop : context.losing(DataLoss.DROPS_TABLE)) {
      QualifiedName table = drop.object().name();
      String name = drop.writtenOwner();
      findings.add(
          TYPE.at(
                  context.migration(),
                  context.hasRows(table) ? Severity.ERROR : Severity.WARNING,
                  drop.statement().lineLabel()
                      + " drops table "
                      + name
                      + context.rowsNote(table)
                      + ": its rows are lost, and application instances still running the previous Prisma Client fail "
                      + "on it until they are replaced.",
                  "Deploy an application that no longer uses "
                      + name
                      + " first (remove the model from schema.prisma), "
                      + "back it up (`pg_dump --table='"
                      + name.replace("'", "''")
                      + "'`), and drop it in a later migration.")
              .atLine(drop.statement().line()));
    }
    return findings;
  }
}
