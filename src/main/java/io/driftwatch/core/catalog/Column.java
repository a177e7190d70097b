package io.driftwatch.core.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * A table column.
 *
 * @param type as PostgreSQL's {@code format_type()} writes it ({@code integer}, {@code character
 *     varying(255)}, {@code timestamp(3) without time zone}, {@code text[]}); a user-defined type
 *     is written {@code "Role"} when it lives in the table's schema and {@code public."Role"} when
 *     it does not
 * @param userType the user-defined type (enum, domain, extension type) behind {@code type}, or its
 *     element type for an array; empty for built-in types
 * @param defaultExpression as {@code pg_get_expr} writes it with an empty search path, so every
 *     name in it is qualified: {@code nextval('public."User_id_seq"'::regclass)}, {@code
 *     'USER'::public."Role"}
 * @param generatedExpression the expression of a {@code GENERATED ALWAYS AS (...) STORED} column
 * @param collation the column's collation when it is not its type's default, ready for SQL: {@code
 *     "C"}
 */
public record Column(
    String name,
    String type,
    Optional<QualifiedName> userType,
    boolean nullable,
    Optional<String> defaultExpression,
    Optional<Identity> identity,
    Optional<String> generatedExpression,
    Optional<String> collation) {

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(userType, "userType");
    Objects.requireNonNull(defaultExpression, "defaultExpression");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(generatedExpression, "generatedExpression");
    Objects.requireNonNull(collation, "collation");
  }

  /** A column of a built-in type, without default, identity, generation or collation. */
  public static Column of(String name, String type, boolean nullable) {
    return new Column(
        name,
        type,
        Optional.empty(),
        nullable,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  public Column withUserType(QualifiedName value) {
    return new Column(
        name,
        type,
        Optional.of(value),
        nullable,
        defaultExpression,
        identity,
        generatedExpression,
        collation);
  }

  public Column withDefault(String expression) {
    return new Column(
        name,
        type,
        userType,
        nullable,
        Optional.of(expression),
        identity,
        generatedExpression,
        collation);
  }

  public Column withIdentity(Identity value) {
    return new Column(
        name,
        type,
        userType,
        nullable,
        defaultExpression,
        Optional.of(value),
        generatedExpression,
        collation);
  }

  public Column withGenerated(String expression) {
    return new Column(
        name,
        type,
        userType,
        nullable,
        defaultExpression,
        identity,
        Optional.of(expression),
        collation);
  }

  public Column withCollation(String value) {
    return new Column(
        name,
        type,
        userType,
        nullable,
        defaultExpression,
        identity,
        generatedExpression,
        Optional.of(value));
  }
}
