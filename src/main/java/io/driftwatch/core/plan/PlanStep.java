package io.driftwatch.core.plan;

/**
 * One step of the plan, in the order to carry them out.
 *
 * @param language what {@code command} is
 * @param why why the step is safe (or needed), from the evidence
 * @param riskNote what could go wrong, and what to watch
 */
public record PlanStep(
    int number,
    String title,
    Language language,
    String command,
    String why,
    Risk risk,
    String riskNote) {

  /**
   * What a step's command is written in. The constants are the words the API and the stored reports
   * carry ({@code "shell"}), lower case for that reason.
   */
  public enum Language {
    /** A command to run in a shell: {@code npx prisma migrate resolve ...}. */
    shell,
    /** SQL to run on the database. */
    sql,
    /** No command: a decision or a check a person makes. */
    none
  }
}
