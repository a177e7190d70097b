package io.driftwatch.source;

/**
 * The source could not be read during an audit: the audit ends with outcome ERROR and this reason.
 */
public final class SourceUnavailableException extends Exception {

  public SourceUnavailableException(String message) {
    super(message);
  }

  public SourceUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
