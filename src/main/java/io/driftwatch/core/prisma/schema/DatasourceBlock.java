package io.driftwatch.core.prisma.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The {@code datasource} block.
 *
 * @param provider {@code "postgresql"}, {@code "mysql"}, ...
 * @param schemas the {@code schemas = [...]} list of multiSchema; empty without it
 * @param relationMode {@code "prisma"} means Migrate creates no foreign keys ({@code
 *     referentialIntegrity} is its old name)
 * @param properties every key as written, {@code url = env("DATABASE_URL")} included
 */
public record DatasourceBlock(
    String name,
    Optional<String> provider,
    List<String> schemas,
    Optional<String> relationMode,
    Map<String, PrismaValue> properties,
    SourcePosition position) {

  public DatasourceBlock {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(provider, "provider");
    schemas = List.copyOf(schemas);
    Objects.requireNonNull(relationMode, "relationMode");
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    Objects.requireNonNull(position, "position");
  }

  /** Whether Migrate creates foreign keys: unless {@code relationMode = "prisma"}. */
  public boolean usesForeignKeys() {
    return relationMode.map(mode -> !mode.equals("prisma")).orElse(true);
  }
}
