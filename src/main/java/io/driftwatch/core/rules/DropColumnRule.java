package io.driftwatch.core.rules;

import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.lint.LintContext;
import io.driftwatch.core.sql.MaskedSql;
import java.util.List;
import java.util.regex.Pattern;

/** {@code ALTER TABLE ... DROP COLUMN}: the data is gone, and clients still selecting it fail. */
public final class DropColumnRule implements LintRule {

  public static final FindingType TYPE =
      new FindingType(
          "MS002",
          "DROP_COLUMN",
          Severity.WARNING,
          "A pending migration drops a column: its data is lost and clients still selecting it fail.");

  private static final Pattern DROP_COLUMN =
      Pattern.compile(
          "^DROP\\s+(?:COLUMN\\s+)?(?:IF\\s+EXISTS\\s+)?(" + MaskedSql.NAME + ")",
          Pattern.CASE_INSENSITIVE);

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(LintContext context) {
    return context.alterActions("DROP", DROP_COLUMN).stream()
        .filter(drop -> !drop.match().group(1).equalsIgnoreCase("CONSTRAINT"))
        .map(
            drop -> {
              String column = drop.match().group(1);
              boolean hasRows = context.rowEstimate(drop.table()).orElse(0) > 0;
              return TYPE.at(
                  context.migration(),
                  hasRows ? Severity.ERROR : Severity.WARNING,
                  drop.statement().lineLabel()
                      + " drops column "
                      + drop.table()
                      + "."
                      + column
                      + context.rowsNote(drop.table())
                      + ": its data is lost, and application instances still running "
                      + "the previous Prisma Client, which selects every column by name, fail (P2022) until they are "
                      + "replaced.",
                  "Remove the field from schema.prisma and deploy that application first; then, after backing up "
                      + "what the column holds if it may be needed, drop it in a later migration made with `npx "
                      + "prisma migrate dev --create-only`: `ALTER TABLE "
                      + drop.table()
                      + " DROP COLUMN "
                      + column
                      + ";`.");
            })
        .toList();
  }
}
