package io.driftwatch.core.prisma.schema;

import java.util.Objects;

/**
 * One reason a schema could not be read: what is wrong, where, and (at the end of the message) what
 * to do about it.
 */
public record SchemaProblem(Code code, SourcePosition position, String message) {

  /** The condition, stable enough to assert on and to group by. */
  public enum Code {
    /** A token that does not fit the Prisma schema grammar at this place. */
    SYNTAX_ERROR,
    /** A string literal not closed before the end of its line. */
    UNTERMINATED_STRING,
    /** A block whose closing brace never comes. */
    UNTERMINATED_BLOCK,
    /** A {@code /*} comment whose {@code *}{@code /} never comes. */
    UNTERMINATED_COMMENT,
    /** Arrays or function calls nested deeper than any real schema needs. */
    NESTING_TOO_DEEP,
    /** Two models, views, enums or types with one name (also across files). */
    DUPLICATE_DECLARATION,
    /** Two fields of one model, or two values of one enum, with one name. */
    DUPLICATE_MEMBER,
    /** More than one datasource block. */
    MULTIPLE_DATASOURCES,
    /** A field type that is no scalar, model, view, enum or type. */
    UNKNOWN_TYPE,
    /** A relation whose database objects cannot be named (ambiguous, or without a usable id). */
    INVALID_RELATION,
    /**
     * The schema files together are larger than driftwatch reads ({@link PrismaSchema#MAX_BYTES}).
     */
    TOO_LARGE
  }

  public SchemaProblem {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(position, "position");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return position + ": " + message;
  }
}
