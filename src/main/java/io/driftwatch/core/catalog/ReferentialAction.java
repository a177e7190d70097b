package io.driftwatch.core.catalog;

/**
 * What a foreign key does when the referenced row is deleted or updated ({@code confdeltype},
 * {@code confupdtype}).
 */
public enum ReferentialAction {
  NO_ACTION("NO ACTION"),
  RESTRICT("RESTRICT"),
  CASCADE("CASCADE"),
  SET_NULL("SET NULL"),
  SET_DEFAULT("SET DEFAULT");

  private final String sql;

  ReferentialAction(String sql) {
    this.sql = sql;
  }

  public String sql() {
    return sql;
  }

  /** From {@code pg_constraint}'s one-letter code. */
  public static ReferentialAction fromCode(char code) {
    return switch (code) {
      case 'a' -> NO_ACTION;
      case 'r' -> RESTRICT;
      case 'c' -> CASCADE;
      case 'n' -> SET_NULL;
      case 'd' -> SET_DEFAULT;
      default ->
          throw new IllegalArgumentException("unknown referential action code '" + code + "'");
    };
  }
}
