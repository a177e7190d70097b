package io.driftwatch.core.engine;

import io.driftwatch.core.AuditResult;
import io.driftwatch.core.plan.ResolutionPlan;
import io.driftwatch.core.plan.ResolutionPlanner;

/** What the engine makes of one audit's input: its findings and the plan that resolves them. */
public record Judgement(AuditResult result, ResolutionPlan plan) {

  /**
   * True when the plan could advise a clean baseline were the database empty and whether it is was
   * only estimated: the adapter asks the database exactly and calls {@link
   * AuditEngine#withExactData} once (never a destructive advice on an estimate).
   */
  public boolean needsExactDataCheck() {
    return ResolutionPlanner.needsExactDataCheck(plan);
  }
}
