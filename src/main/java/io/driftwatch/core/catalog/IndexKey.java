package io.driftwatch.core.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * One key of an index, in the index's order.
 *
 * @param text the column's name (unquoted) for a column key, else the expression as {@code
 *     pg_get_indexdef} writes it
 * @param expression whether the key is an expression rather than a column
 * @param descending {@code DESC}; always false for methods without order (gin, hash...)
 * @param nullsFirst whether nulls sort first ({@code DESC} implies it unless {@code NULLS LAST})
 * @param operatorClass the operator class when it is not the default for the key's type: {@code
 *     public.gin_trgm_ops}
 * @param prefixLength MySQL's key on the first characters (or bytes) of a column: {@code
 *     email(191)} is 191; empty for a whole column and always on PostgreSQL
 */
public record IndexKey(
    String text,
    boolean expression,
    boolean descending,
    boolean nullsFirst,
    Optional<String> operatorClass,
    Optional<Integer> prefixLength) {

  public IndexKey {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(operatorClass, "operatorClass");
    // Catalogs stored before MySQL was read have no prefix lengths.
    prefixLength = prefixLength == null ? Optional.empty() : prefixLength;
  }

  /** A key of a whole column or expression (PostgreSQL's every key). */
  public IndexKey(
      String text,
      boolean expression,
      boolean descending,
      boolean nullsFirst,
      Optional<String> operatorClass) {
    this(text, expression, descending, nullsFirst, operatorClass, Optional.empty());
  }

  /** An ascending column key with the default operator class. */
  public static IndexKey column(String name) {
    return new IndexKey(name, false, false, false, Optional.empty());
  }
}
