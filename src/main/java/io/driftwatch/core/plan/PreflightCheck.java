package io.driftwatch.core.plan;

/** One check made before deploying, and its result. */
public record PreflightCheck(String check, Status status, String detail) {

  public enum Status {
    PASSED,
    FAILED,
    NOT_RUN
  }
}
