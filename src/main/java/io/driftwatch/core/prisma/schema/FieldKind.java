package io.driftwatch.core.prisma.schema;

/** What a field's type refers to, which decides whether it is a column. */
public enum FieldKind {
  /** A built-in scalar: String, Boolean, Int, BigInt, Float, Decimal, DateTime, Json, Bytes. */
  SCALAR(true),
  /** An enum declared in the schema: a column typed with the database enum. */
  ENUM(true),
  /**
   * {@code Unsupported("...")}: a column of a type the client cannot read, still created by
   * Migrate.
   */
  UNSUPPORTED(true),
  /** A composite {@code type} (MongoDB); on a SQL database Prisma would store it as Json. */
  COMPOSITE(true),
  /**
   * Another model or view: no column of its own; the scalar fields of its {@code fields:} are the
   * columns.
   */
  RELATION(false);

  private final boolean column;

  FieldKind(boolean column) {
    this.column = column;
  }

  public boolean makesColumn() {
    return column;
  }
}
