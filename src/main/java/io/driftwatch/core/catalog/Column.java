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
 *     "C"}; on MySQL when it is not its table's: {@code utf8mb4_bin} (the collation names its
 *     character set)
 * @param onUpdate MySQL's {@code ON UPDATE} expression ({@code current_timestamp(3)}, Prisma's
 *     {@code @updatedAt} on some schemas); never on PostgreSQL
 * @param autoIncrement MySQL's {@code AUTO_INCREMENT}; PostgreSQL writes a sequence default or an
 *     identity instead
 */
public record Column(
    String name,
    String type,
    Optional<QualifiedName> userType,
    boolean nullable,
    Optional<String> defaultExpression,
    Optional<Identity> identity,
    Optional<String> generatedExpression,
    Optional<String> collation,
    Optional<String> onUpdate,
    boolean autoIncrement) {

  public Column {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(userType, "userType");
    Objects.requireNonNull(defaultExpression, "defaultExpression");
    Objects.requireNonNull(identity, "identity");
    Objects.requireNonNull(generatedExpression, "generatedExpression");
    Objects.requireNonNull(collation, "collation");
    // Catalogs stored before MySQL was read have no onUpdate.
    onUpdate = onUpdate == null ? Optional.empty() : onUpdate;
  }

  /** A PostgreSQL column: no ON UPDATE, no AUTO_INCREMENT. */
  public Column(
      String name,
      String type,
      Optional<QualifiedName> userType,
      boolean nullable,
      Optional<String> defaultExpression,
      Optional<Identity> identity,
      Optional<String> generatedExpression,
      Optional<String> collation) {
    this(
        name,
        type,
        userType,
        nullable,
        defaultExpression,
        identity,
        generatedExpression,
        collation,
        Optional.empty(),
        false);
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
        collation,
        onUpdate,
        autoIncrement);
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
        collation,
        onUpdate,
        autoIncrement);
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
        collation,
        onUpdate,
        autoIncrement);
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
        collation,
        onUpdate,
        autoIncrement);
  }

  /** This column with MySQL's ON UPDATE expression and AUTO_INCREMENT flag. */
  public Column withMySqlExtras(Optional<String> onUpdateExpression, boolean increments) {
    return new Column(
        name,
        type,
        userType,
        nullable,
        defaultExpression,
        identity,
        generatedExpression,
        collation,
        onUpdateExpression,
        increments);
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
        Optional.of(value),
        onUpdate,
        autoIncrement);
  }
}
