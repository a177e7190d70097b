package io.driftwatch.core.prisma.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * A field's type as written: {@code String}, {@code Role?}, {@code Post[]}, {@code
 * Unsupported("circle")}.
 *
 * @param name the type name; {@code "Unsupported"} for unsupported database types
 * @param unsupported the database type inside {@code Unsupported("...")}
 */
public record FieldType(String name, Arity arity, Optional<String> unsupported) {

  /** Required, optional ({@code ?}) or list ({@code []}). */
  public enum Arity {
    REQUIRED,
    OPTIONAL,
    LIST
  }

  public FieldType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arity, "arity");
    Objects.requireNonNull(unsupported, "unsupported");
  }

  public static FieldType of(String name, Arity arity) {
    return new FieldType(name, arity, Optional.empty());
  }

  /** The type without arity, as written: {@code Role}, {@code Unsupported("circle")}. */
  public String baseText() {
    return unsupported.map(u -> "Unsupported(" + new PrismaValue.StringValue(u) + ")").orElse(name);
  }

  @Override
  public String toString() {
    return baseText()
        + switch (arity) {
          case REQUIRED -> "";
          case OPTIONAL -> "?";
          case LIST -> "[]";
        };
  }
}
