package io.driftwatch.core.rules;

import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;

/**
 * A check that failed on its input instead of judging it. The engine runs every check on its own:
 * one that throws on one migration's script (or, for the checks of the whole environment, on the
 * environment) becomes this finding, naming the check and the migration, and every other check's
 * findings stand. A repository writer must not be able to blind the monitoring of a whole
 * environment with one script that trips a check.
 *
 * <p>Caught: runtime exceptions and a stack overflow (the stack unwinds to the check, nothing is
 * left half-done in shared state: checks are pure functions of their input). An {@link
 * OutOfMemoryError} is not: the heap is the service's, not the script's; the size limits keep
 * scripts below it.
 */
public final class RuleFailure {

  public static final FindingType TYPE =
      new FindingType(
          "DH006",
          "RULE_FAILED",
          Severity.WARNING,
          "A check failed on a migration's script (or on the environment) instead of judging it: its findings are "
              + "missing, every other check's stand.");

  private RuleFailure() {}

  /**
   * The finding for a check that threw.
   *
   * @param check the type of the check that failed, e.g. {@code MS001}
   * @param migration the migration it was checking, or null for a check of the whole environment
   */
  public static Finding of(FindingType check, String migration, Throwable failure) {
    return of(check.code() + " (" + check.name() + ")", check.summary(), migration, failure);
  }

  /**
   * The finding for a stage several checks start from ({@code the safety lint}, {@code the
   * pre-flight}).
   *
   * @param check what failed, as the message names it
   * @param lookingFor what it looks for, for the help
   */
  public static Finding of(String check, String lookingFor, String migration, Throwable failure) {
    String on = migration == null ? "this environment" : "`" + migration + "`";
    return new Finding(
        TYPE,
        TYPE.severity(),
        migration,
        "The check "
            + check
            + " failed on "
            + on
            + " instead of judging it: "
            + describe(failure)
            + ". Its findings"
            + (migration == null ? "" : " for this migration")
            + " are missing; every other check ran.",
        "Check "
            + (migration == null ? "the environment" : "the script")
            + " by hand for what it looks for ("
            + lookingFor
            + ") and report the failure to driftwatch's maintainers with the "
            + (migration == null ? "audit" : "script")
            + ": it is a defect of driftwatch, not of the migration.",
        null,
        check);
  }

  /**
   * The exception and where it was thrown from, without the message's length growing with the
   * input.
   */
  static String describe(Throwable failure) {
    String message = failure.getMessage() == null ? "" : ": " + failure.getMessage();
    if (message.length() > 200) {
      message = message.substring(0, 200) + "…";
    }
    StackTraceElement[] trace = failure.getStackTrace();
    String where =
        trace.length == 0
            ? ""
            : " at "
                + trace[0].getClassName().replaceFirst("^.*\\.", "")
                + "."
                + trace[0].getMethodName()
                + ":"
                + trace[0].getLineNumber();
    return failure.getClass().getSimpleName() + message + where;
  }
}
