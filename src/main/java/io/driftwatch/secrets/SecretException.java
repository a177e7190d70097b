package io.driftwatch.secrets;

/** A stored secret cannot be opened; the message never holds the secret. */
public final class SecretException extends RuntimeException {

  public SecretException(String message) {
    super(message, null, false, false);
  }
}
