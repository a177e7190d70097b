package io.driftwatch.audit;

public final class AuditNotFoundException extends RuntimeException {

  public AuditNotFoundException(String message) {
    super(message, null, false, false);
  }
}
