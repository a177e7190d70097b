package io.driftwatch.core.prisma.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * One argument of an attribute or function call: {@code map: "users"} or an unnamed {@code
 * "users"}.
 */
public record PrismaArgument(Optional<String> name, PrismaValue value) {

  public PrismaArgument {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(value, "value");
  }

  @Override
  public String toString() {
    return name.map(n -> n + ": ").orElse("") + value;
  }
}
