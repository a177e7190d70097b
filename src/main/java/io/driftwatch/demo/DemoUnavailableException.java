package io.driftwatch.demo;

/** The demo asked for cannot be made here: the message says what to set. */
public class DemoUnavailableException extends RuntimeException {

  public DemoUnavailableException(String message) {
    super(message);
  }
}
