package io.driftwatch.database;

/** The watched database could not be read; the message is safe to show (no password). */
public final class TargetUnavailableException extends RuntimeException {

  public TargetUnavailableException(String message) {
    super(message, null, false, false);
  }
}
