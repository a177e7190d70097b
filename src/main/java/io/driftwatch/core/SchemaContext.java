package io.driftwatch.core;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.coverage.CoverageReport;
import io.driftwatch.core.drift.CatchUpMigration;
import io.driftwatch.core.drift.SchemaDrift;
import io.driftwatch.core.prisma.schema.SchemaProblem;
import io.driftwatch.core.replay.ExpectedSchema;
import java.util.List;
import java.util.Optional;

/**
 * What schema rules see: the shadow replay's result, the live catalog, their comparison, and the
 * coverage of schema.prisma. Each part is empty when it could not be computed; the rules say why.
 *
 * @param unavailable why the replay did not run, when it did not
 * @param schemaProblems why schema.prisma could not be read, when it could not
 */
public record SchemaContext(
    Optional<ExpectedSchema> expected,
    Optional<String> unavailable,
    Optional<Catalog> live,
    Optional<SchemaDrift> drift,
    Optional<CatchUpMigration> catchUp,
    Optional<CoverageReport> coverage,
    List<SchemaProblem> schemaProblems) {

  public SchemaContext {
    schemaProblems = List.copyOf(schemaProblems);
  }
}
