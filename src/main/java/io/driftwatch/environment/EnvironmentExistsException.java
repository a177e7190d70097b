package io.driftwatch.environment;

public final class EnvironmentExistsException extends RuntimeException {

  public EnvironmentExistsException(String name) {
    super("an environment named `" + name + "` already exists", null, false, false);
  }
}
