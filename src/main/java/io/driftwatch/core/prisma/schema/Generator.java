package io.driftwatch.core.prisma.schema;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** A {@code generator} block; nothing in it names a database object. */
public record Generator(
    String name,
    Optional<String> provider,
    List<String> previewFeatures,
    Map<String, PrismaValue> properties,
    SourcePosition position) {

  public Generator {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(provider, "provider");
    previewFeatures = List.copyOf(previewFeatures);
    properties = Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    Objects.requireNonNull(position, "position");
  }
}
