package io.driftwatch.core.rules;

import io.driftwatch.core.dialect.SqlDialect;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.lint.LintContext;
import io.driftwatch.core.sql.SqlStatement;
import java.util.List;

/**
 * {@code BEGIN}, {@code COMMIT} and the like in migration.sql: Prisma already runs the script in
 * one transaction, and a {@code COMMIT} inside ends it early, so a later failure leaves it half
 * applied.
 */
public final class ExplicitTransactionRule implements LintRule {

  public static final FindingType TYPE =
      new FindingType(
          "MS013",
          "EXPLICIT_TRANSACTION",
          Severity.WARNING,
          "A pending migration controls its own transaction (BEGIN/COMMIT): a failure can leave it half applied.");

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
    List<SqlStatement> control =
        context.statements().stream().filter(SqlStatement::isTransactionControl).toList();
    if (control.isEmpty()) {
      return List.of();
    }
    String where =
        String.join(
            ", ",
            control.stream()
                .map(statement -> "line " + statement.line() + " " + statement.quoted())
                .toList());
    return List.of(
        TYPE.at(
                context.migration(),
                control.get(0).lineLabel()
                    + ": the script controls its own transaction ("
                    + where
                    + "): Prisma "
                    + "already runs migration.sql in one transaction, and a COMMIT inside ends it early, so a failure after "
                    + "it leaves the migration half applied and recorded as failed (P3009).",
                "Remove BEGIN, COMMIT, SAVEPOINT and ROLLBACK from the script: Prisma's transaction already makes it "
                    + "all or nothing (prisma migrate dev writes BEGIN/COMMIT around an enum change itself: remove them "
                    + "there too). A statement that cannot run in a transaction goes in a migration of its own.")
            .atLine(control.get(0).line()));
  }
}
