package io.driftwatch.core.rules;

import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.dialect.SqlDialect;
import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.effect.SchemaObject;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.lint.LintContext;
import io.driftwatch.core.sql.SqlStatement;
import java.util.List;
import java.util.Optional;

/**
 * MySQL commits each DDL statement as it runs (an implicit commit), so Prisma's migration is not
 * one transaction there: when statement k fails, statements 1..k-1 stay applied and the row is left
 * failed (P3009), the database half migrated. Reported when such a migration changes tables that
 * already exist (creating new tables rarely fails), a warning when it also writes rows (committed
 * row changes cannot be rolled back with the rest).
 */
public final class NonAtomicMigrationRule implements LintRule {

  public static final FindingType TYPE =
      new FindingType(
          "MS022",
          "NON_ATOMIC_MIGRATION",
          Severity.INFO,
          "A pending MySQL migration changes existing tables in several statements: MySQL commits each"
              + " one, so a failure midway leaves the earlier ones applied.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  /** PostgreSQL runs the script as one transaction: nothing to say there. */
  @Override
  public boolean speaks(SqlDialect dialect) {
    return !dialect.transactionalDdl();
  }

  @Override
  public List<Finding> check(LintContext context) {
    int schemaStatements = 0;
    boolean writesRows = false;
    Optional<SqlStatement> firstOnExisting = Optional.empty();
    for (SqlStatement statement : context.statements()) {
      List<Effect> effects = context.effects(statement);
      boolean changesSchema = false;
      for (Effect effect : effects) {
        if (effect.action().writesRows()) {
          writesRows = true;
        } else if (effect.action() != Effect.Action.UNKNOWN) {
          changesSchema = true;
          if (firstOnExisting.isEmpty() && onExistingTable(context, effect)) {
            firstOnExisting = Optional.of(statement);
          }
        }
      }
      if (changesSchema) {
        schemaStatements++;
      }
    }
    if (schemaStatements < 2 || firstOnExisting.isEmpty()) {
      return List.of();
    }
    SqlStatement first = firstOnExisting.get();
    return List.of(
        TYPE.at(
                context.migration(),
                writesRows ? Severity.WARNING : Severity.INFO,
                first.lineLabel()
                    + " starts changing existing tables, one of "
                    + schemaStatements
                    + " schema statements MySQL commits one by one"
                    + (writesRows ? ", beside row changes committed with them" : "")
                    + ": if one fails, those before it stay applied and `prisma migrate deploy`"
                    + " stops with the migration failed (P3009), the database half migrated.",
                "Give a risky change (a foreign key or unique index on existing rows, a type change)"
                    + " a migration of its own (`npx prisma migrate dev --create-only`). If one fails,"
                    + " this environment's plan (its /plan endpoint) lists what is applied and the SQL"
                    + " that finishes or undoes the rest before `npx prisma migrate resolve`.")
            .atLine(first.line()));
  }

  private static boolean onExistingTable(LintContext context, Effect effect) {
    SchemaObject object = effect.object();
    if (object.kind() == SchemaObject.Kind.TABLE && effect.action() == Effect.Action.CREATE) {
      return false;
    }
    QualifiedName table =
        object.kind() == SchemaObject.Kind.INDEX
            ? effect.requires().stream()
                .filter(required -> required.kind() == SchemaObject.Kind.TABLE)
                .map(SchemaObject::name)
                .findFirst()
                .orElse(null)
            : object.owner().name();
    return table != null && !context.createsTable(table);
  }
}
