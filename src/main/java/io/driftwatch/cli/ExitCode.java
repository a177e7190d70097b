package io.driftwatch.cli;

import io.driftwatch.audit.report.CheckReport;

/** What {@code driftwatch check} exits with: the codes a pipeline branches on. */
public enum ExitCode {
  /** The policy passed (or only warned, without {@code --strict}). */
  PASS(0),
  /**
   * The policy failed: the next deploy would fail or lose data, or production is not as git says.
   */
  FAIL(1),
  /** The policy warned, and {@code --strict} makes a warning fail the step. */
  WARN(2),
  /** driftwatch could not read the database or the source, or the service did not answer. */
  UNREADABLE(3),
  /**
   * Bad usage: an unknown option, a missing or contradictory one, a request the service refused.
   */
  USAGE(4);

  private final int code;

  ExitCode(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  static ExitCode of(CheckReport.Verdict verdict, boolean strict) {
    return switch (verdict) {
      case PASS -> PASS;
      case WARN -> strict ? WARN : PASS;
      case FAIL -> FAIL;
      case ERROR -> UNREADABLE;
    };
  }
}
