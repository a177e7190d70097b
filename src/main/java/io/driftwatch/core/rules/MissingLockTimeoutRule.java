package io.driftwatch.core.rules;

import io.driftwatch.core.dialect.SqlDialect;
import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.effect.StatementTrait;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.lint.LintContext;
import io.driftwatch.core.rules.support.Prisma;
import io.driftwatch.core.sql.SqlStatement;
import java.util.List;

/**
 * A locking {@code ALTER TABLE} on an existing table with no {@code lock_timeout} set before it:
 * while it waits behind a long query for its ACCESS EXCLUSIVE lock, every query on the table queues
 * behind it. Reported once per migration, at the first such statement.
 */
public final class MissingLockTimeoutRule implements LintRule {

  public static final FindingType TYPE =
      new FindingType(
          "MS014",
          "MISSING_LOCK_TIMEOUT",
          Severity.WARNING,
          "A pending migration alters an existing table with no lock_timeout: waiting for its lock, it stalls every query on the table.");

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
    for (SqlStatement statement : context.statements()) {
      if (context.traits(statement).contains(StatementTrait.SETS_LOCK_TIMEOUT)) {
        return List.of(); // set before any locking statement: later ones are covered too
      }
      if (!statement.is("ALTER", "TABLE")) {
        continue;
      }
      List<Effect> effects = context.effects(statement);
      if (effects.isEmpty() || effects.get(0).action() == Effect.Action.UNKNOWN) {
        continue;
      }
      Effect alter = effects.get(0);
      if (context.isNewOrEmpty(alter.object().owner().name())) {
        continue;
      }
      String table = alter.writtenOwner();
      return List.of(
          TYPE.at(
                  context.migration(),
                  statement.lineLabel()
                      + " alters "
                      + table
                      + " with no lock_timeout set before it: if a long "
                      + "query holds "
                      + table
                      + ", the ALTER waits for its lock, and every query on "
                      + table
                      + " queues behind it until the ALTER runs.",
                  "Put `SET lock_timeout = '5s';` at the top of migration.sql: the migration then fails fast instead of "
                      + "stalling the application, and the deploy can be retried after `"
                      + Prisma.resolveRolledBack(context.paths(), context.migration())
                      + "`.")
              .atLine(statement.line()));
    }
    return List.of();
  }
}
