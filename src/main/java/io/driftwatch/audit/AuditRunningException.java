package io.driftwatch.audit;

/** Another audit of the same environment holds its lease. */
public final class AuditRunningException extends RuntimeException {

  public AuditRunningException(String environment) {
    super("an audit of `" + environment + "` is already running; try again when it has finished", null, false, false);
  }
}
