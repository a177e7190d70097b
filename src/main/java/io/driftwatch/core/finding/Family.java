package io.driftwatch.core.finding;

/** The concerns finding codes are grouped by; the letters open every code of the family. */
public enum Family {
  HI("History: the history table against the migrations folder"),
  DH("Directory hygiene: the migrations folder itself"),
  SD("Schema drift: what the database holds against what the applied migrations create"),
  CV("Coverage: schema.prisma against the migrations and the database"),
  MS("Migration safety: what a pending migration will do to the database");

  private final String description;

  Family(String description) {
    this.description = description;
  }

  public String description() {
    return description;
  }
}
