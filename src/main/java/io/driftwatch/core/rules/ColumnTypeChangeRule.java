package io.driftwatch.core.rules;

import io.driftwatch.core.dialect.SqlDialect;
import io.driftwatch.core.effect.DataLoss;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.lint.LintContext;
import java.util.List;

/**
 * {@code ALTER COLUMN ... TYPE}: most type changes rewrite the table under an ACCESS EXCLUSIVE
 * lock.
 */
public final class ColumnTypeChangeRule implements LintRule {

  public static final FindingType TYPE =
      new FindingType(
          "MS003",
          "COLUMN_TYPE_CHANGE",
          Severity.WARNING,
          "A pending migration changes a column's type: the table is rewritten while reads and writes wait.");

  /** MySQL's table copies are MS023's. */
  @Override
  public boolean speaks(SqlDialect dialect) {
    return dialect.transactionalDdl();
  }

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(LintContext context) {
    return context.losing(DataLoss.CHANGES_COLUMN_TYPE).stream()
        .filter(change -> !context.knownEmpty(change.object().name()))
        .map(
            change ->
                TYPE.at(
                        context.migration(),
                        change.statement().lineLabel()
                            + " changes the type of "
                            + change.writtenOwner()
                            + "."
                            + change.writtenPart()
                            + context.rowsNote(change.object().name())
                            + ": unless the change is "
                            + "binary-compatible (varchar(n) to text or to a longer varchar), PostgreSQL rewrites the table and its "
                            + "indexes under an ACCESS EXCLUSIVE lock, and every read and write waits until it ends.",
                        "Add a column of the new type, backfill it in batches, switch the application to it, and drop the old "
                            + "column in a later migration; if the rewrite is acceptable, put `SET lock_timeout = '5s';` at the "
                            + "top of the migration so it gives up instead of queueing every query behind it.")
                    .atLine(change.statement().line()))
        .toList();
  }
}
