package io.driftwatch.core.rules;

import io.driftwatch.core.SchemaContext;
import io.driftwatch.core.catalog.Extension;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The shadow server is not like the watched one: another major version, or without an extension the
 * watched database uses. The expected schema may then differ for reasons that are not drift.
 */
public final class ShadowServerMismatchRule implements SchemaRule {

  public static final FindingType TYPE =
      new FindingType(
          "SD021",
          "SHADOW_SERVER_MISMATCH",
          Severity.INFO,
          "The shadow server differs from the watched one (major version or extensions): drift may be misread.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(SchemaContext context) {
    if (context.expected().isEmpty() || context.live().isEmpty()) {
      return List.of();
    }
    int shadow = context.expected().get().shadowServerMajorVersion();
    int live = context.live().get().serverMajorVersion();
    List<String> differences = new ArrayList<>();
    if (shadow != live && shadow > 0) {
      differences.add("the shadow server runs PostgreSQL " + shadow + ", the database " + live);
    }
    String unavailable =
        context.live().get().extensions().stream()
            .map(Extension::name)
            .filter(name -> !context.expected().get().shadowExtensions().contains(name))
            .sorted()
            .collect(Collectors.joining(", "));
    if (!unavailable.isEmpty()) {
      differences.add(
          "the database uses extensions the shadow server cannot install: " + unavailable);
    }
    if (differences.isEmpty()) {
      return List.of();
    }
    return List.of(
        TYPE.about(
            "shadow server",
            TYPE.severity(),
            "The shadow server is not like the database: " + String.join("; ", differences) + ".",
            "Point DRIFTWATCH_SHADOW_URL at a PostgreSQL of the same major version with the same extensions available, "
                + "as Prisma recommends for its shadowDatabaseUrl."));
  }
}
