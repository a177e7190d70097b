package io.driftwatch.core.rules;

import io.driftwatch.core.effect.DataLoss;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.lint.LintContext;
import java.util.List;

/** {@code ALTER TABLE ... DROP COLUMN}: the data is gone, and clients still selecting it fail. */
public final class DropColumnRule implements LintRule {

  public static final FindingType TYPE =
      new FindingType(
          "MS002",
          "DROP_COLUMN",
          Severity.WARNING,
          "A pending migration drops a column: its data is lost and clients still selecting it fail.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(LintContext context) {
    return context.losing(DataLoss.DROPS_COLUMN).stream()
        .map(
            drop -> {
              String table = drop.writtenOwner();
              String column = drop.writtenPart();
              return TYPE.at(
                      context.migration(),
                      context.hasRows(drop.object().name()) ? Severity.ERROR : Severity.WARNING,
                      drop.statement().lineLabel()
                          + " drops column "
                          + table
                          + "."
                          + column
                          + context.rowsNote(drop.object().name())
                          + ": its data is lost, and application instances still running "
                          + "the previous Prisma Client, which selects every column by name, fail (P2022) until they are "
                          + "replaced.",
                      "Remove the field from schema.prisma and deploy that application first; then, after backing up "
                          + "what the column holds if it may be needed, drop it in a later migration made with `npx "
                          + "prisma migrate dev --create-only`: `ALTER TABLE "
                          + table
                          + " DROP COLUMN "
                          + column
                          + ";`.")
                  .atLine(drop.statement().line());
            })
        .toList();
  }
}
