package io.driftwatch.source;

/** A source description that cannot be used, with a message for the person who wrote it. */
public final class InvalidSourceException extends IllegalArgumentException {

  public InvalidSourceException(String message) {
    super(message);
  }
}
