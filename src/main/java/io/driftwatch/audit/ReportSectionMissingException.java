package io.driftwatch.audit;

/** The latest audit has no such section (drift, coverage); the message says why. */
public class ReportSectionMissingException extends RuntimeException {

  public ReportSectionMissingException(String message) {
    super(message, null, false, false);
  }
}
