package io.driftwatch.core.rules;

import io.driftwatch.core.dialect.SqlDialect;
import io.driftwatch.core.effect.StatementTrait;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.lint.LintContext;
import io.driftwatch.core.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CONCURRENTLY} in a script of several statements: Prisma sends migration.sql at once, which
 * PostgreSQL runs as one transaction, and concurrent index builds refuse to run in one (25001).
 */
public final class ConcurrentlyInTransactionRule implements LintRule {

  public static final FindingType TYPE =
      new FindingType(
          "MS007",
          "CONCURRENTLY_IN_TRANSACTION",
          Severity.CRITICAL,
          "A pending migration runs CONCURRENTLY next to other statements: Prisma's transaction makes it fail (25001).");

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
    if (!context.runsInTransaction()) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    for (SqlStatement statement : context.statements()) {
      if (!context.traits(statement).contains(StatementTrait.CONCURRENTLY)) {
        continue;
      }
      findings.add(
          TYPE.at(
                  context.migration(),
                  statement.lineLabel()
                      + " "
                      + statement.quoted()
                      + " uses CONCURRENTLY in a script of "
                      + context.statementCount()
                      + " statements: Prisma runs them in one transaction, PostgreSQL "
                      + "refuses (25001: cannot run inside a transaction block), and the migration fails and blocks "
                      + "deploys (P3018).",
                  "Move the statement to a migration of its own holding only it: make an empty one with `npx prisma "
                      + "migrate dev --create-only`, move "
                      + statement.quoted()
                      + " into its migration.sql and delete it here; Prisma does not wrap a lone statement in a "
                      + "transaction.")
              .atLine(statement.line()));
    }
    return findings;
  }
}
