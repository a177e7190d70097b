package io.driftwatch.database;

/** The shadow server cannot be reached or cannot host a scratch database; the message says why. */
public class ShadowUnavailableException extends RuntimeException {

  public ShadowUnavailableException(String message) {
    super(message, null, false, false);
  }
}
