package io.driftwatch.core.rules;

import io.driftwatch.core.SchemaContext;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import java.util.List;

/**
 * No Prisma schema where the environment's source says it is, so what the migrations cover of it is
 * unknown.
 */
public final class PrismaSchemaNotFoundRule implements SchemaRule {

  public static final FindingType TYPE =
      new FindingType(
          "CV004",
          "PRISMA_SCHEMA_NOT_FOUND",
          Severity.WARNING,
          "No Prisma schema file was found in the source, so its coverage by the migrations is unknown.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(SchemaContext context) {
    if (!context.schemaRead().notFound() || !context.schemaProblems().isEmpty()) {
      return List.of(); // found, or found and too large to read (CV003 says so)
    }
    return List.of(
        TYPE.about(
            context.schemaRead().lookedFor(),
            TYPE.severity(),
            "No Prisma schema at "
                + context.schemaRead().lookedFor()
                + " (no such file, or a folder without .prisma"
                + " files): coverage of the schema by the migrations is unknown.",
            "Point the environment's `source.schemaPath` at the schema file or at the folder of .prisma files (the"
                + " `schema` of prisma.config.ts or `--schema` of the prisma CLI), relative to `source.path`; set"
                + " `source.migrationsPath` too if the migrations are not in `migrations/` beside it."));
  }
}
