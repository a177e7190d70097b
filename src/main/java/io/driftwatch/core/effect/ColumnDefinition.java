package io.driftwatch.core.effect;

import java.util.Objects;

/**
 * What a created column is declared with, read once from its definition ({@code "id" UUID NOT NULL
 * DEFAULT gen_random_uuid()}) for the rules that ask whether adding it fails or rewrites the table.
 * Only what is written outside parentheses counts as the column's own ({@code CHECK (x IS NOT
 * NULL)} makes it no NOT NULL column), and nothing inside a string does.
 *
 * @param notNull declared {@code NOT NULL}
 * @param hasDefault declared with a {@code DEFAULT}
 * @param generated an identity or generated column ({@code GENERATED ...})
 * @param serialType the serial type it is declared with, as written ({@code BIGSERIAL}), else
 *     empty: an implicit {@code nextval()} default
 * @param volatileCall the first volatile function its default calls, as written ({@code
 *     gen_random_uuid}), else empty
 */
public record ColumnDefinition(
    boolean notNull,
    boolean hasDefault,
    boolean generated,
    String serialType,
    String volatileCall) {

  /** Not a created column. */
  public static final ColumnDefinition NONE = new ColumnDefinition(false, false, false, "", "");

  public ColumnDefinition {
    Objects.requireNonNull(serialType, "serialType");
    Objects.requireNonNull(volatileCall, "volatileCall");
  }

  /** True when existing rows get a value as the column is added: a default, identity or serial. */
  public boolean filled() {
    return hasDefault || generated || !serialType.isEmpty();
  }

  /**
   * The volatile default PostgreSQL computes for every row, for messages ({@code
   * gen_random_uuid()}, {@code BIGSERIAL (a nextval() default)}), else empty.
   */
  public String volatileDefault() {
    if (!volatileCall.isEmpty()) {
      return volatileCall + "()";
    }
    return serialType.isEmpty() ? "" : serialType + " (a nextval() default)";
  }
}
