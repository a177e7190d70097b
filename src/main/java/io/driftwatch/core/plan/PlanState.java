package io.driftwatch.core.plan;

import java.util.List;

/** Every migration by state, in the CLI's order. {@code pending} includes the rolled-back ones deploy runs again. */
public record PlanState(List<String> applied, List<String> phantom, List<String> pending, List<String> failed,
    List<String> applying) {

  public PlanState {
    applied = List.copyOf(applied);
    phantom = List.copyOf(phantom);
    pending = List.copyOf(pending);
    failed = List.copyOf(failed);
    applying = List.copyOf(applying);
  }
}
