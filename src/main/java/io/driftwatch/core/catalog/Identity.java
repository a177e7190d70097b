package io.driftwatch.core.catalog;

/** How an identity column generates its values ({@code pg_attribute.attidentity}). */
public enum Identity {
  ALWAYS("ALWAYS"),
  BY_DEFAULT("BY DEFAULT");

  private final String sql;

  Identity(String sql) {
    this.sql = sql;
  }

  /** As it follows {@code GENERATED} in a column definition. */
  public String sql() {
    return sql;
  }
}
