package io.driftwatch.core.rules;

import io.driftwatch.core.SchemaContext;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import java.util.List;

/**
 * The schema files read declare no model, view or enum: coverage has nothing to measure, which is
 * unknown rather than complete. Usually the models live in files the source did not read (a
 * multi-file schema).
 */
public final class PrismaSchemaEmptyRule implements SchemaRule {

  public static final FindingType TYPE =
      new FindingType(
          "CV005",
          "PRISMA_SCHEMA_EMPTY",
          Severity.INFO,
          "The Prisma schema files read declare no model, view or enum, so coverage by the migrations is unknown.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(SchemaContext context) {
    if (!context.schemaRead().declaresNothing()) {
      return List.of();
    }
    List<String> files = context.schemaRead().files();
    return List.of(
        TYPE.about(
            context.schemaRead().lookedFor(),
            TYPE.severity(),
            "The Prisma schema read at "
                + context.schemaRead().lookedFor()
                + " ("
                + String.join(", ", files)
                + ") declares no model, view or enum: coverage of the schema by the migrations is unknown.",
            "If the models live in other .prisma files (a multi-file schema), point the environment's"
                + " `source.schemaPath` at the folder that holds them all, as the `schema` of prisma.config.ts does;"
                + " `npx prisma validate --schema <that folder>` reads the same files."));
  }
}
