package io.driftwatch.cli;

/**
 * A check that could not be answered: the exit code it ends with, and the one line that says why.
 */
final class CommandFailure extends Exception {

  private final ExitCode exit;

  CommandFailure(ExitCode exit, String message) {
    super(message, null, false, false);
    this.exit = exit;
  }

  ExitCode exit() {
    return exit;
  }
}
