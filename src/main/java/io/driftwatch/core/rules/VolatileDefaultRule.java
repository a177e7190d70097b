package io.driftwatch.core.rules;

import io.driftwatch.core.dialect.SqlDialect;
import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.effect.SchemaObject.Kind;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.lint.LintContext;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ADD COLUMN} with a volatile default ({@code random()}, {@code gen_random_uuid()}, {@code
 * clock_timestamp()}, a sequence): since PostgreSQL 11 a non-volatile default (a constant, {@code
 * now()}, {@code CURRENT_TIMESTAMP}) is stored once and costs nothing, but a volatile one is
 * computed per row, rewriting the table under an ACCESS EXCLUSIVE lock.
 */
public final class VolatileDefaultRule implements LintRule {

  public static final FindingType TYPE =
      new FindingType(
          "MS016",
          "VOLATILE_DEFAULT",
          Severity.WARNING,
          "A pending migration adds a column with a volatile default: the table is rewritten while reads and writes wait.");

  /** PostgreSQL's locking and transactions only. */
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
    List<Finding> findings = new ArrayList<>();
    for (Effect add : context.effectsOf("ALTER", "TABLE")) {
      String what = add.definition().volatileDefault();
      if (add.action() != Effect.Action.CREATE
          || add.object().kind() != Kind.COLUMN
          || what.isEmpty()
          || context.isNewOrEmpty(add.object().name())) {
        continue;
      }
      String table = add.writtenOwner();
      String column = add.writtenPart();
      findings.add(
          TYPE.at(
                  context.migration(),
                  add.statement().lineLabel()
                      + " adds "
                      + table
                      + "."
                      + column
                      + " with the volatile default "
                      + what
                      + context.rowsNote(add.object().name())
                      + ": PostgreSQL computes it for every row, rewriting the table under "
                      + "an ACCESS EXCLUSIVE lock, and every read and write waits until it ends.",
                  "Add the column without a default (`ADD COLUMN "
                      + column
                      + " ...;`), then `ALTER COLUMN "
                      + column
                      + " SET DEFAULT ...;` (only new rows get it), and backfill existing rows in batches outside the "
                      + "migration.")
              .atLine(add.statement().line()));
    }
    return findings;
  }
}
