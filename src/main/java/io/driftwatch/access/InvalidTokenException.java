package io.driftwatch.access;

/** A token that cannot be issued as asked (an admin token limited to environments, say). */
public class InvalidTokenException extends RuntimeException {

  public InvalidTokenException(String message) {
    super(message);
  }
}
