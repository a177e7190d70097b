package io.driftwatch.environment;

/** A request that describes an environment driftwatch cannot watch; the message says why. */
public final class InvalidEnvironmentException extends RuntimeException {

  public InvalidEnvironmentException(String message) {
    super(message, null, false, false);
  }
}
