package io.driftwatch.core;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.coverage.CoverageReport;
import io.driftwatch.core.drift.CatchUpMigration;
import io.driftwatch.core.drift.SchemaDrift;
import io.driftwatch.core.prisma.ProjectPaths;
import io.driftwatch.core.prisma.schema.PrismaSchema;
import io.driftwatch.core.prisma.schema.SchemaProblem;
import io.driftwatch.core.replay.ExpectedSchema;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What schema rules see: the shadow replay's result, the live catalog, their comparison, and the
 * coverage of schema.prisma. Each part is empty when it could not be computed; the rules say why.
 *
 * @param unavailable why the replay did not run, when it did not
 * @param schemaProblems why schema.prisma could not be read, when it could not
 * @param schemaRead where the schema was looked for and what was found there
 * @param paths where the source's migrations folder and schema are, for the commands findings give
 */
public record SchemaContext(
    Optional<ExpectedSchema> expected,
    Optional<String> unavailable,
    Optional<Catalog> live,
    Optional<SchemaDrift> drift,
    Optional<CatchUpMigration> catchUp,
    Optional<CoverageReport> coverage,
    List<SchemaProblem> schemaProblems,
    SchemaRead schemaRead,
    ProjectPaths paths) {

  public SchemaContext {
    schemaProblems = List.copyOf(schemaProblems);
    Objects.requireNonNull(schemaRead, "schemaRead");
    Objects.requireNonNull(paths, "paths");
  }

  /** A context whose schema was found, as one {@code schema.prisma}. */
  public SchemaContext(
      Optional<ExpectedSchema> expected,
      Optional<String> unavailable,
      Optional<Catalog> live,
      Optional<SchemaDrift> drift,
      Optional<CatchUpMigration> catchUp,
      Optional<CoverageReport> coverage,
      List<SchemaProblem> schemaProblems) {
    this(
        expected,
        unavailable,
        live,
        drift,
        catchUp,
        coverage,
        schemaProblems,
        new SchemaRead(
            SourceSnapshot.DEFAULT_SCHEMA_PLACES,
            List.of(PrismaSchema.DEFAULT_FILE_NAME),
            Optional.empty()),
        ProjectPaths.DEFAULT);
  }

  /**
   * Why the schema's coverage is unknown, empty when it was measured: zero items counted is never
   * 100 %. The first reason that applies, in the order a user fixes them.
   */
  public Optional<String> coverageUnknown() {
    if (!schemaProblems.isEmpty()) {
      return Optional.of(
          "the Prisma schema at "
              + schemaRead.lookedFor()
              + " cannot be read (see CV003): fix what"
              + " `"
              + paths.validate()
              + "` reports");
    }
    if (schemaRead.notFound()) {
      return Optional.of(
          "no Prisma schema was found at "
              + schemaRead.lookedFor()
              + ": set the environment's"
              + " `source.schemaPath` to the schema file or folder, relative to `source.path`");
    }
    if (schemaRead.declaresNothing()) {
      return Optional.of(
          "the schema files read ("
              + String.join(", ", schemaRead.files())
              + ") declare no model,"
              + " view or enum: if the models live in other .prisma files, set `source.schemaPath` to the folder that"
              + " holds them all");
    }
    if (coverage.isEmpty()) {
      return Optional.of(
          "the migrations were not replayed" + unavailable.map(reason -> ": " + reason).orElse(""));
    }
    if (coverage.get().summary().countedItems() == 0) {
      return Optional.of(
          "every model, view and enum of the schema is ignored (@@ignore): there is nothing to count");
    }
    return Optional.empty();
  }
}
