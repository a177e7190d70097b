package io.driftwatch.core.engine;

import io.driftwatch.core.SchemaContext;
import io.driftwatch.core.SchemaInput;
import io.driftwatch.core.SchemaRead;
import io.driftwatch.core.SourceSnapshot;
import io.driftwatch.core.TargetSnapshot;
import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.CatalogFilter;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.coverage.Coverage;
import io.driftwatch.core.coverage.CoverageReport;
import io.driftwatch.core.drift.CatchUpMigration;
import io.driftwatch.core.drift.SchemaDiff;
import io.driftwatch.core.drift.SchemaDrift;
import io.driftwatch.core.prisma.schema.PrismaSchema;
import io.driftwatch.core.prisma.schema.PrismaSchemaException;
import io.driftwatch.core.prisma.schema.SchemaProblem;
import io.driftwatch.core.prisma.schema.SourcePosition;
import io.driftwatch.core.replay.ExpectedSchema;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Prepares what schema rules see: schema.prisma read, both catalogs cut to the schemas that matter
 * (the migration schema, multiSchema's list, any schema a migration creates objects in) and to what
 * the environment does not ignore, then compared, and schema.prisma's coverage measured.
 */
final class SchemaChecks {

  private SchemaChecks() {}

  static SchemaContext context(SchemaInput input, SourceSnapshot source, TargetSnapshot target) {
    Optional<PrismaSchema> prisma = Optional.empty();
    List<SchemaProblem> problems = List.of();
    if (source.schemaUnread().isPresent()) {
      problems =
          List.of(
              new SchemaProblem(
                  SchemaProblem.Code.TOO_LARGE,
                  new SourcePosition(PrismaSchema.DEFAULT_FILE_NAME, 1, 1),
                  source.schemaUnread().get()));
    } else if (!source.schemaFiles().isEmpty()) {
      try {
        prisma = Optional.of(PrismaSchema.parse(source.schemaFiles()));
      } catch (PrismaSchemaException e) {
        problems = e.problems();
      }
    }
    Optional<Catalog> expected = input.expected().flatMap(ExpectedSchema::catalog);
    Set<String> schemas = relevantSchemas(input, prisma, expected);
    // The config's external tables and enums are left out like the environment's ignore globs.
    List<String> externals = source.layout().externalObjects();
    CatalogFilter ignore =
        CatalogFilter.of(
            java.util.stream.Stream.concat(input.ignore().stream(), externals.stream()).toList());
    CatalogFilter unmanaged = CatalogFilter.of(externals);
    Optional<Catalog> live = target.catalog().map(catalog -> cut(catalog, schemas, ignore));
    Optional<Catalog> created = expected.map(catalog -> cut(catalog, schemas, ignore));

    Optional<SchemaDrift> drift =
        created.flatMap(e -> live.map(l -> SchemaDiff.compare(e, l, Dialects.of(target)::ddl)));
    Optional<CatchUpMigration> catchUp =
        drift
            .filter(d -> !d.isEmpty())
            .map(d -> CatchUpMigration.from(d, input.now(), source.paths()));
    // Coverage asks whether any migration of the folder creates an item: pending ones count.
    Optional<Catalog> byFolder =
        input
            .folder()
            .flatMap(ExpectedSchema::catalog)
            .map(catalog -> cut(catalog, schemas, ignore))
            .or(() -> created);
    Optional<CoverageReport> coverage =
        prisma.flatMap(
            schema ->
                byFolder.map(
                    c ->
                        live.isPresent()
                            ? Coverage.of(
                                schema,
                                input.migrationSchema(),
                                c,
                                live.get(),
                                source.paths(),
                                unmanaged)
                            : Coverage.withoutLive(
                                schema, input.migrationSchema(), c, source.paths(), unmanaged)));
    SchemaRead read =
        new SchemaRead(
            source.schemaLookedFor(), List.copyOf(source.schemaFiles().keySet()), prisma);
    return new SchemaContext(
        input.expected(),
        input.unavailable(),
        live,
        drift,
        catchUp,
        coverage,
        problems,
        read,
        source.paths());
  }

  private static Set<String> relevantSchemas(
      SchemaInput input, Optional<PrismaSchema> prisma, Optional<Catalog> expected) {
    Set<String> schemas = new TreeSet<>();
    schemas.add(input.migrationSchema());
    prisma
        .flatMap(PrismaSchema::datasource)
        .ifPresent(datasource -> schemas.addAll(datasource.schemas()));
    input
        .folder()
        .flatMap(ExpectedSchema::catalog)
        .ifPresent(catalog -> addSchemasOf(catalog, schemas));
    expected.ifPresent(catalog -> addSchemasOf(catalog, schemas));
    return schemas;
  }

  /** Every schema a migration created something in. */
  private static void addSchemasOf(Catalog catalog, Set<String> schemas) {
    catalog.tables().forEach(table -> schemas.add(table.name().schema()));
    catalog.enums().forEach(type -> schemas.add(type.name().schema()));
    catalog.views().forEach(view -> schemas.add(view.name().schema()));
    catalog.sequences().forEach(sequence -> schemas.add(sequence.name().schema()));
    catalog.routines().forEach(routine -> schemas.add(routine.name().schema()));
  }

  private static Catalog cut(Catalog catalog, Set<String> schemas, CatalogFilter ignore) {
    return ignore.apply(catalog.without((QualifiedName name) -> !schemas.contains(name.schema())));
  }
}
