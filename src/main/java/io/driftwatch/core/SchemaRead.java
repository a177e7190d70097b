package io.driftwatch.core;

import io.driftwatch.core.prisma.schema.PrismaSchema;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What was read of the Prisma schema: where it was looked for, the files found there, and the
 * schema they make when they parse.
 *
 * @param lookedFor where the schema was looked for ({@link SourceSnapshot#schemaLookedFor()})
 * @param files the schema files read, by path relative to the schema's location; empty when none
 *     was found
 * @param schema the schema, when the files parse
 */
public record SchemaRead(String lookedFor, List<String> files, Optional<PrismaSchema> schema) {

  public SchemaRead {
    Objects.requireNonNull(lookedFor, "lookedFor");
    files = List.copyOf(files);
    Objects.requireNonNull(schema, "schema");
  }

  /** No file at the places looked at. */
  public boolean notFound() {
    return files.isEmpty();
  }

  /**
   * A schema that parsed and declares no model, view or enum: there is nothing to measure coverage
   * on.
   */
  public boolean declaresNothing() {
    return schema
        .filter(s -> s.models().isEmpty() && s.views().isEmpty() && s.enums().isEmpty())
        .isPresent();
  }
}
