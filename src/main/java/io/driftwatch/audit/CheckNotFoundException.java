package io.driftwatch.audit;

public final class CheckNotFoundException extends RuntimeException {

  public CheckNotFoundException(String message) {
    super(message, null, false, false);
  }
}
