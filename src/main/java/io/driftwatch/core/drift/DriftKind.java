package io.driftwatch.core.drift;

/**
 * What differs between the schema the migrations build and the database. Each kind carries which
 * side has the object and what sort of object it is.
 */
public enum DriftKind {
  UNTRACKED_TABLE(Side.LIVE_ONLY, "table"),
  UNTRACKED_COLUMN(Side.LIVE_ONLY, "column"),
  UNTRACKED_ENUM(Side.LIVE_ONLY, "enum"),
  UNTRACKED_ENUM_VALUE(Side.LIVE_ONLY, "enum value"),
  UNTRACKED_INDEX(Side.LIVE_ONLY, "index"),
  UNTRACKED_CONSTRAINT(Side.LIVE_ONLY, "constraint"),
  UNTRACKED_VIEW(Side.LIVE_ONLY, "view"),
  UNTRACKED_TRIGGER(Side.LIVE_ONLY, "trigger"),
  UNTRACKED_FUNCTION(Side.LIVE_ONLY, "function"),
  /** Managed databases add extensions of their own: worth knowing, rarely wrong. */
  UNTRACKED_EXTENSION(Side.LIVE_ONLY, "extension"),
  /** A sequence no column owns (a column's own comes with the column's default). */
  UNTRACKED_SEQUENCE(Side.LIVE_ONLY, "sequence"),
  MISSING_TABLE(Side.EXPECTED_ONLY, "table"),
  MISSING_COLUMN(Side.EXPECTED_ONLY, "column"),
  MISSING_ENUM(Side.EXPECTED_ONLY, "enum"),
  MISSING_ENUM_VALUE(Side.EXPECTED_ONLY, "enum value"),
  MISSING_INDEX(Side.EXPECTED_ONLY, "index"),
  MISSING_CONSTRAINT(Side.EXPECTED_ONLY, "constraint"),
  MISSING_VIEW(Side.EXPECTED_ONLY, "view"),
  MISSING_TRIGGER(Side.EXPECTED_ONLY, "trigger"),
  MISSING_FUNCTION(Side.EXPECTED_ONLY, "function"),
  MISSING_EXTENSION(Side.EXPECTED_ONLY, "extension"),
  MISSING_SEQUENCE(Side.EXPECTED_ONLY, "sequence"),
  CHANGED_COLUMN(Side.BOTH, "column"),
  /** Same values, another order. */
  CHANGED_ENUM(Side.BOTH, "enum"),
  /** Same name, another definition (or left invalid by a failed concurrent build). */
  CHANGED_INDEX(Side.BOTH, "index"),
  /** Same name, another definition. */
  CHANGED_CONSTRAINT(Side.BOTH, "constraint"),
  CHANGED_VIEW(Side.BOTH, "view"),
  /** Another definition, or another firing state (disabled, replica, always). */
  CHANGED_TRIGGER(Side.BOTH, "trigger"),
  /** Same signature, another body or attributes. */
  CHANGED_FUNCTION(Side.BOTH, "function"),
  /** Another version or schema. */
  CHANGED_EXTENSION(Side.BOTH, "extension"),
  /** Another type, start or increment. */
  CHANGED_SEQUENCE(Side.BOTH, "sequence");

  /** Where the object exists. */
  public enum Side {
    /** In the database only: created by hand or by {@code db push}. */
    LIVE_ONLY,
    /** In the migrations only: dropped by hand, or never applied. */
    EXPECTED_ONLY,
    /** On both sides, but not alike. */
    BOTH
  }

  private final Side side;
  private final String objectType;

  DriftKind(Side side, String objectType) {
    this.side = side;
    this.objectType = objectType;
  }

  public Side side() {
    return side;
  }

  /**
   * What sort of object: table, column, enum, enum value, index, constraint, view, trigger,
   * function (procedures too), extension or sequence.
   */
  public String objectType() {
    return objectType;
  }
}
