package io.driftwatch.core.rules;

import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.effect.SchemaObject.Kind;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.lint.LintContext;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * {@code ADD COLUMN ... NOT NULL} without a default: PostgreSQL fills the new column with nulls, so
 * the statement fails (23502) as soon as the table has a row. Prisma generates exactly this for a
 * new required field without {@code @default}.
 */
public final class AddRequiredColumnRule implements LintRule {

  public static final FindingType TYPE =
      new FindingType(
          "MS005",
          "ADD_REQUIRED_COLUMN_WITHOUT_DEFAULT",
          Severity.ERROR,
          "A pending migration adds a NOT NULL column without a default: it fails on a table with rows.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(LintContext context) {
    List<Finding> findings = new ArrayList<>();
    for (Effect add : context.effectsOf("ALTER", "TABLE")) {
      QualifiedName name = add.object().name();
      if (add.action() != Effect.Action.CREATE
          || add.object().kind() != Kind.COLUMN
          || !add.definition().notNull()
          || add.definition().filled()
          || context.isNewOrEmpty(name)) {
        continue;
      }
      String table = add.writtenOwner();
      OptionalLong rows = context.rowEstimate(name);
      String column = add.writtenPart();
      String when =
          rows.isPresent()
              ? " and " + table + " has rows" + context.rowsNote(name)
              : "; "
                  + table
                  + " is of unknown size, and the statement fails if it has a single row";
      boolean mysql = !context.dialect().transactionalDdl();
      String consequence =
          mysql
              ? ": MySQL gives every existing row the type's implicit default ('' or 0; a zero date, which"
                  + " strict mode rejects, failing the deploy with P3018), so rows get a value nobody chose"
                  + " and a unique index on it fails on the duplicates."
              : ": PostgreSQL fills existing rows with null and rejects the statement (23502), so the "
                  + "deploy fails (P3018).";
      String help =
          mysql
              ? "Add the column with a default (`ADD COLUMN "
                  + column
                  + " ... NOT NULL DEFAULT ...`; in schema.prisma a @default), or add it NULL, backfill"
                  + " it, and `MODIFY` it to NOT NULL in a later migration."
              : "Add the column with a default (`ADD COLUMN "
                  + column
                  + " ... NOT NULL DEFAULT ...`, free since "
                  + "PostgreSQL 11; in schema.prisma a @default), or add it nullable, backfill it, and `SET NOT NULL` "
                  + "in a later migration.";
      findings.add(
          TYPE.at(
                  context.migration(),
                  rows.isPresent() ? Severity.ERROR : Severity.WARNING,
                  add.statement().lineLabel()
                      + " adds "
                      + table
                      + "."
                      + column
                      + " NOT NULL without a default"
                      + when
                      + consequence,
                  help)
              .atLine(add.statement().line()));
    }
    return findings;
  }
}
