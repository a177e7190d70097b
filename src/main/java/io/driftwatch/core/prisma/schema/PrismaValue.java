package io.driftwatch.core.prisma.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * An expression of the schema language, as written: the value of a datasource key or of an
 * attribute argument. Kept whole so that unknown attributes survive reading.
 */
public sealed interface PrismaValue {

  /** A string literal, escapes decoded. */
  record StringValue(String value) implements PrismaValue {
    public StringValue {
      Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
      return '"' + value.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
  }

  /** A numeric literal, as written ({@code 10}, {@code -1}, {@code 0.5}). */
  record NumberValue(String text) implements PrismaValue {
    public NumberValue {
      Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
      return text;
    }
  }

  /**
   * A bare name or dotted path: a field reference, {@code true}, {@code Cascade}, an enum value.
   */
  record ConstantValue(String name) implements PrismaValue {
    public ConstantValue {
      Objects.requireNonNull(name, "name");
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** {@code [a, b]}. */
  record ArrayValue(List<PrismaValue> items) implements PrismaValue {
    public ArrayValue {
      items = List.copyOf(items);
    }

    @Override
    public String toString() {
      return items.stream().map(Object::toString).collect(Collectors.joining(", ", "[", "]"));
    }
  }

  /**
   * {@code now()}, {@code env("DATABASE_URL")}, {@code dbgenerated("gen_random_uuid()")}, {@code
   * title(sort: Desc)}.
   */
  record FunctionCall(String name, List<PrismaArgument> arguments) implements PrismaValue {
    public FunctionCall {
      Objects.requireNonNull(name, "name");
      arguments = List.copyOf(arguments);
    }

    @Override
    public String toString() {
      return arguments.stream()
          .map(Object::toString)
          .collect(Collectors.joining(", ", name + "(", ")"));
    }
  }

  /** The text of a string literal; empty for anything else. */
  default Optional<String> asString() {
    return this instanceof StringValue s ? Optional.of(s.value()) : Optional.empty();
  }

  /**
   * The name a value refers to: a constant ({@code email}) or the called name of a function call
   * ({@code email(sort: Desc)} in an index field list).
   */
  default Optional<String> asReference() {
    if (this instanceof ConstantValue c) {
      return Optional.of(c.name());
    }
    if (this instanceof FunctionCall f) {
      return Optional.of(f.name());
    }
    return Optional.empty();
  }

  /** The items of an array; a single value counts as a one-item list, as Prisma coerces it. */
  default List<PrismaValue> asList() {
    return this instanceof ArrayValue a ? a.items() : List.of(this);
  }

  /** The referenced names of a list such as {@code [userId, title(sort: Desc)]}. */
  default List<String> asReferenceList() {
    return asList().stream().flatMap(v -> v.asReference().stream()).toList();
  }

  /** The strings of a list such as {@code ["public", "auth"]}. */
  default List<String> asStringList() {
    return asList().stream().flatMap(v -> v.asString().stream()).toList();
  }
}
