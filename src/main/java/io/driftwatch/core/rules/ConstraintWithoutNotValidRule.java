package io.driftwatch.core.rules;

import io.driftwatch.core.catalog.ConstraintKind;
import io.driftwatch.core.dialect.SqlDialect;
import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.lint.LintContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code ADD CONSTRAINT ... FOREIGN KEY} or {@code CHECK} without {@code NOT VALID} on an existing
 * table: every row is checked while the table is locked. Prisma adds the foreign keys of new tables
 * this way; those are empty and not reported.
 */
public final class ConstraintWithoutNotValidRule implements LintRule {

  public static final FindingType TYPE =
      new FindingType(
          "MS008",
          "CONSTRAINT_WITHOUT_NOT_VALID",
          Severity.WARNING,
          "A pending migration adds a foreign key or check to an existing table without NOT VALID: every row is checked under lock.");

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
      Optional<ConstraintKind> constraint = add.constraintKind();
      boolean foreignKey = constraint.equals(Optional.of(ConstraintKind.FOREIGN_KEY));
      if (add.action() != Effect.Action.CREATE
          || !foreignKey && !constraint.equals(Optional.of(ConstraintKind.CHECK))
          || add.notValid()
          || context.isNewOrEmpty(add.object().name())) {
        continue;
      }
      String kind = foreignKey ? "foreign key" : "check";
      String name = add.written().part().isEmpty() ? "the constraint" : add.written().part();
      String table = add.writtenOwner();
      findings.add(
          TYPE.at(
                  context.migration(),
                  add.statement().lineLabel()
                      + " adds "
                      + kind
                      + " "
                      + name
                      + " to "
                      + table
                      + context.rowsNote(add.object().name())
                      + " without NOT VALID: PostgreSQL checks every row while holding a lock "
                      + "that blocks writes to "
                      + table
                      + (foreignKey ? " and to the referenced table" : "")
                      + ".",
                  "Add it with `ALTER TABLE "
                      + table
                      + " ADD CONSTRAINT "
                      + name
                      + " ... NOT VALID;` here, and run "
                      + "`ALTER TABLE "
                      + table
                      + " VALIDATE CONSTRAINT "
                      + name
                      + ";` in a second migration: validating "
                      + "lets reads and writes go on (in one migration, Prisma's transaction would hold the first lock "
                      + "through the check).")
              .atLine(add.statement().line()));
    }
    return findings;
  }
}
