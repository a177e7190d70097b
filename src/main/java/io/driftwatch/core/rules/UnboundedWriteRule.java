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

/**
 * {@code UPDATE} or {@code DELETE} without {@code WHERE}: every row, each locked until Prisma
 * commits.
 */
public final class UnboundedWriteRule implements LintRule {

  public static final FindingType TYPE =
      new FindingType(
          "MS010",
          "UPDATE_OR_DELETE_WITHOUT_WHERE",
          Severity.WARNING,
          "A pending migration updates or deletes every row of a table (no WHERE).");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Effect write : context.losing(DataLoss.UPDATES_EVERY_ROW, DataLoss.DELETES_EVERY_ROW)) {
      QualifiedName table = write.object().name();
      if (context.knownEmpty(table)) {
        continue;
      }
      String verb = write.action() == Effect.Action.UPDATE ? "updates" : "deletes";
      findings.add(
          TYPE.at(
                  context.migration(),
                  write.statement().lineLabel()
                      + " "
                      + verb
                      + " every row of "
                      + write.writtenOwner()
                      + context.rowsNote(table)
                      + (context.dialect().transactionalDdl()
                          ? " (no WHERE): each row stays locked until the migration commits, and writes to them wait."
                          : " (no WHERE): each row stays locked until the statement ends, and writes to them wait."),
                  "Add the WHERE clause naming the rows meant; for a deliberate backfill of a large table, run it in "
                      + "batches outside the migration (`... WHERE "
                      + context.dialect().quoting().identifier("id")
                      + " BETWEEN 1 AND 10000`).")
              .atLine(write.statement().line()));
    }
    return findings;
  }
}
