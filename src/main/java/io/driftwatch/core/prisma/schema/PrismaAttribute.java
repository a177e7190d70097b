package io.driftwatch.core.prisma.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A field attribute ({@code @map("c")}, {@code @db.VarChar(255)}) or block attribute
 * ({@code @@index([a, b], map: "i")}), without its {@code @}/{@code @@}. Any attribute is kept,
 * known or not.
 */
public record PrismaAttribute(
    String name, List<PrismaArgument> arguments, SourcePosition position) {

  public PrismaAttribute {
    Objects.requireNonNull(name, "name");
    arguments = List.copyOf(arguments);
    Objects.requireNonNull(position, "position");
  }

  /** The argument given by this name. */
  public Optional<PrismaValue> argument(String name) {
    for (PrismaArgument argument : arguments) {
      if (argument.name().isPresent() && argument.name().get().equals(name)) {
        return Optional.of(argument.value());
      }
    }
    return Optional.empty();
  }

  /**
   * The argument given by this name, else the first unnamed one: Prisma lets the "default" argument
   * drop its name ({@code @map("c")} is {@code @map(name: "c")}, {@code @@id([a])} is
   * {@code @@id(fields: [a])}).
   */
  public Optional<PrismaValue> defaultArgument(String name) {
    Optional<PrismaValue> named = argument(name);
    if (named.isPresent()) {
      return named;
    }
    for (PrismaArgument argument : arguments) {
      if (argument.name().isEmpty()) {
        return Optional.of(argument.value());
      }
    }
    return Optional.empty();
  }

  static Optional<PrismaAttribute> find(List<PrismaAttribute> attributes, String name) {
    for (PrismaAttribute attribute : attributes) {
      if (attribute.name().equals(name)) {
        return Optional.of(attribute);
      }
    }
    return Optional.empty();
  }
}
