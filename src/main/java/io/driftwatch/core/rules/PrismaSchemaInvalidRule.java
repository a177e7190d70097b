package io.driftwatch.core.rules;

import io.driftwatch.core.SchemaContext;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.prisma.schema.SchemaProblem;
import java.util.List;
import java.util.stream.Collectors;

/** schema.prisma cannot be read, so its coverage is unknown. */
public final class PrismaSchemaInvalidRule implements SchemaRule {

  public static final FindingType TYPE =
      new FindingType(
          "CV003",
          "PRISMA_SCHEMA_INVALID",
          Severity.WARNING,
          "schema.prisma cannot be read, so its coverage by the migrations is unknown.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(SchemaContext context) {
    if (context.schemaProblems().isEmpty()) {
      return List.of();
    }
    String problems =
        context.schemaProblems().stream()
            .limit(5)
            .map(SchemaProblem::toString)
            .collect(Collectors.joining("; "));
    return List.of(
        TYPE.about(
            "schema.prisma",
            TYPE.severity(),
            "schema.prisma cannot be read: "
                + problems
                + (context.schemaProblems().size() > 5
                    ? " (and " + (context.schemaProblems().size() - 5) + " more)"
                    : "")
                + ".",
            "Run `"
                + context.paths().validate()
                + "` and fix what it reports; coverage is checked again at the next audit."));
  }
}
