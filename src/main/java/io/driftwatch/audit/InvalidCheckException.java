package io.driftwatch.audit;

/** A check that cannot run as asked (a source without refs, a ref that is no name, a policy). */
public final class InvalidCheckException extends RuntimeException {

  public InvalidCheckException(String message) {
    super(message, null, false, false);
  }
}
