package io.driftwatch.audit.report;

/**
 * Why an audit could not look, or where it was when it was stopped.
 *
 * @param stage SOURCE (the migrations folder) or DATABASE (the watched database) for a side that
 *     could not be read; for an audit stopped by its timeout or a shutdown, the stage it was in:
 *     READING (both sides), SOURCE, DATABASE, SHADOW (replaying the migrations), JUDGING, PLANNING
 *     or STORING
 */
public record AuditError(String stage, String message) {

  public static final String SOURCE = "SOURCE";
  public static final String DATABASE = "DATABASE";
  public static final String READING = "READING";
  public static final String SHADOW = "SHADOW";
  public static final String JUDGING = "JUDGING";
  public static final String PLANNING = "PLANNING";
  public static final String STORING = "STORING";
}
