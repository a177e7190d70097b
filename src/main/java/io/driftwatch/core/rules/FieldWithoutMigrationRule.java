package io.driftwatch.core.rules;

import io.driftwatch.core.SchemaContext;
import io.driftwatch.core.coverage.CoverageItem;
import io.driftwatch.core.coverage.CoverageItem.Kind;
import io.driftwatch.core.coverage.CoverageReport;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.prisma.ProjectPaths;
import java.util.List;
import java.util.Set;

/**
 * A field or enum value of schema.prisma that no applied migration creates, on a model or enum that
 * one does.
 */
public final class FieldWithoutMigrationRule implements SchemaRule {

  public static final FindingType TYPE =
      new FindingType(
          "CV002",
          "FIELD_WITHOUT_MIGRATION",
          Severity.WARNING,
          "A field or enum value of schema.prisma is created by no applied migration.");

  private static final Set<Kind> KINDS = Set.of(Kind.FIELD, Kind.ENUM_VALUE);

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
                    .filter(item -> parentCovered(report, item))
                    .map(item -> finding(item, context.paths()))
                    .toList())
        .orElse(List.of());
  }

  /** An item of a model or enum no migration creates is part of that model's finding. */
  private static boolean parentCovered(CoverageReport report, CoverageItem item) {
    String parent = item.prismaName().substring(0, Math.max(0, item.prismaName().indexOf('.')));
    Kind parentKind = item.kind() == Kind.FIELD ? Kind.MODEL : Kind.ENUM;
    return report
        .item(parentKind, parent)
        .map(CoverageItem::createdByMigration)
        .or(() -> report.item(Kind.VIEW, parent).map(CoverageItem::createdByMigration))
        .orElse(false);
  }

  private static Finding finding(CoverageItem item, ProjectPaths paths) {
    String where =
        item.live()
            ? "the database has it (db push or manual SQL)"
            : "the database does not have it either";
    return TYPE.about(
        item.databaseName(),
        TYPE.severity(),
        (item.kind() == Kind.FIELD ? "field" : "enum value")
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
