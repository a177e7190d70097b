package io.driftwatch.core.plan;

import java.util.ArrayList;
import java.util.List;

/** The steps of a plan, numbered in the order they are added. */
final class PlanSteps {

  private final List<PlanStep> steps = new ArrayList<>();

  void add(
      String title,
      PlanStep.Language language,
      String command,
      String why,
      Risk risk,
      String riskNote) {
    steps.add(new PlanStep(steps.size() + 1, title, language, command, why, risk, riskNote));
  }

  void add(PlanStep step) {
    add(step.title(), step.language(), step.command(), step.why(), step.risk(), step.riskNote());
  }

  List<PlanStep> all() {
    return List.copyOf(steps);
  }
}
