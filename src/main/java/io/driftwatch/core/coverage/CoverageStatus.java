package io.driftwatch.core.coverage;

/**
 * Whether a migration creates something the Prisma schema declares, refined by the live database
 * when it was read.
 *
 * <p>The four names overlap: "uncovered" (no migration creates it) is true of LIVE_ONLY and
 * MISSING too. They are made disjoint by what is known about the live database, so exactly one
 * status applies:
 *
 * <table>
 *   <caption>status by fact</caption>
 *   <tr><th>created by a migration</th><th>live</th><th>status</th></tr>
 *   <tr><td>yes</td><td>yes or no</td><td>{@link #COVERED}</td></tr>
 *   <tr><td>no</td><td>yes</td><td>{@link #LIVE_ONLY}</td></tr>
 *   <tr><td>no</td><td>no</td><td>{@link #MISSING}</td></tr>
 *   <tr><td>no</td><td>not read</td><td>{@link #UNCOVERED}</td></tr>
 * </table>
 *
 * Coverage is about the migrations: something a migration creates is COVERED even when the live
 * database lacks it (the item says {@code live=false}; that is schema drift, reported elsewhere).
 * When the live database is read, UNCOVERED never appears: LIVE_ONLY and MISSING are the two kinds
 * of "uncovered", and they need different fixes (catch-up migration marked applied vs. an ordinary
 * new migration). Use {@link #createdByMigration()} for "is it uncovered at all".
 */
public enum CoverageStatus {
  /** A migration creates it: it is in the catalog built by replaying the applied migrations. */
  COVERED(true),
  /**
   * No migration creates it, but the live database has it: {@code prisma db push} or hand-written
   * SQL.
   */
  LIVE_ONLY(false),
  /**
   * No migration creates it and the live database does not have it either: nothing was ever
   * applied.
   */
  MISSING(false),
  /**
   * No migration creates it; the live database was not read, so LIVE_ONLY and MISSING cannot be
   * told apart.
   */
  UNCOVERED(false);

  private final boolean createdByMigration;

  CoverageStatus(boolean createdByMigration) {
    this.createdByMigration = createdByMigration;
  }

  public boolean createdByMigration() {
    return createdByMigration;
  }

  /** The status of the facts; {@code live} is ignored when the live database was not read. */
  static CoverageStatus of(boolean createdByMigration, boolean live, boolean liveRead) {
    if (createdByMigration) {
      return COVERED;
    }
    if (!liveRead) {
      return UNCOVERED;
    }
    return live ? LIVE_ONLY : MISSING;
  }
}
