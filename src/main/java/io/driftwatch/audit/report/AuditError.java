package io.driftwatch.audit.report;

/**
 * Why an audit could not look.
 *
 * @param stage SOURCE (migrations folder) or DATABASE (the watched database)
 */
public record AuditError(String stage, String message) {

  public static final String SOURCE = "SOURCE";
  public static final String DATABASE = "DATABASE";
}
