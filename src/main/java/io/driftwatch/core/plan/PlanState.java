package io.driftwatch.core.plan;

import java.util.List;

/**
 * The migrations by state, in the CLI's order: those that need attention by name, the applied ones
 * counted (the audit's history lists them). {@code pending} includes the rolled-back ones deploy
 * runs again.
 */
public record PlanState(
    int applied,
    List<String> phantom,
    List<String> pending,
    List<String> failed,
    List<String> applying) {

  public PlanState {
    phantom = List.copyOf(phantom);
    pending = List.copyOf(pending);
    failed = List.copyOf(failed);
    applying = List.copyOf(applying);
  }
}
