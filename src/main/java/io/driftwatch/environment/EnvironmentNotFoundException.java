package io.driftwatch.environment;

public final class EnvironmentNotFoundException extends RuntimeException {

  public EnvironmentNotFoundException(String name) {
    super("no environment named `" + name + "`", null, false, false);
  }
}
