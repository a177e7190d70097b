package io.driftwatch.core.rules;

import io.driftwatch.core.SchemaContext;
import io.driftwatch.core.coverage.CoverageItem;
import io.driftwatch.core.coverage.CoverageItem.Kind;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.prisma.ProjectPaths;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A model (view, implicit many-to-many table) of schema.prisma that no applied migration creates:
 * the "model in the schema but no CREATE TABLE in migrations" gap. A fresh deploy would lack it.
 */
public final class ModelWithoutMigrationRule implements SchemaRule {

  public static final FindingType TYPE =
      new FindingType(
          "CV001",
          "MODEL_WITHOUT_MIGRATION",
          Severity.WARNING,
          "A model of schema.prisma is created by no applied migration: a fresh deploy would not have its table.");

  private static final Set<Kind> KINDS = Set.of(Kind.MODEL, Kind.VIEW, Kind.JOIN_TABLE);

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(SchemaContext context) {
    return context
        .coverage()
        .map(
            report ->
                report.notCreatedByMigrations().stream()
                    .filter(item -> KINDS.contains(item.kind()))
                    .map(item -> finding(item, context.paths()))
                    .toList())
        .orElse(List.of());
  }

  private static Finding finding(CoverageItem item, ProjectPaths paths) {
    String where =
        item.live()
            ? "the database has it (db push or manual SQL)"
            : "the database does not have it either";
    return TYPE.about(
        item.databaseName(),
        TYPE.severity(),
        item.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')
            + " `"
            + item.prismaName()
            + "` ("
            + item.databaseName()
            + ") is in schema.prisma, but no applied migration creates it; "
            + where
            + ".",
        item.help().orElse("Create the migration: `" + paths.createOnly("<name>") + "`."));
  }
}
