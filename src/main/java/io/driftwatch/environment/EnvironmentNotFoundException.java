package io.driftwatch.environment;

public final class EnvironmentNotFoundException extends RuntimeException {

  public EnvironmentNotFoundException(String name) {
    super("no environment named `" + printable(name) + "`", null, false, false);
  }

  private static String printable(String name) {
    String shown = name.length() > 80 ? name.substring(0, 80) + "…" : name;
    return shown.replaceAll("\\p{Cntrl}", "?");
  }
}
