package io.driftwatch.core.plan;

/**
 * One step of the plan, in the order to carry them out.
 *
 * @param language what {@code command} is: {@code shell}, {@code sql}, or {@code none} when the
 *     step is a decision or a check a person makes
 * @param why why the step is safe (or needed), from the evidence
 * @param riskNote what could go wrong, and what to watch
 */
public record PlanStep(
    int number,
    String title,
    String language,
    String command,
    String why,
    Risk risk,
    String riskNote) {}
