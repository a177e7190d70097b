package io.driftwatch.core.plan;

import java.util.List;

/**
 * The runbook of one environment: where it stands, how safe each migration the next deploy runs is,
 * what the failed and phantom migrations are, the steps to follow in order, the checks before and
 * after, and how to roll back.
 *
 * @param summary the situation in a few sentences
 * @param migrations the safety of every migration the next deploy runs
 * @param preflight the checks made before deploying
 * @param verification the queries to run after deploying
 * @param rollback the reverse SQL of every pending migration, last migration first
 */
public record ResolutionPlan(
    String environmentSchema,
    PlanState state,
    String summary,
    List<MigrationSafety> migrations,
    List<FailedTriage> failed,
    List<PhantomTriage> phantoms,
    DataVerdict data,
    List<PlanStep> steps,
    List<PreflightCheck> preflight,
    List<VerificationQuery> verification,
    List<MigrationRollback> rollback) {

  public ResolutionPlan {
    migrations = List.copyOf(migrations);
    failed = List.copyOf(failed);
    phantoms = List.copyOf(phantoms);
    steps = List.copyOf(steps);
    preflight = List.copyOf(preflight);
    verification = List.copyOf(verification);
    rollback = List.copyOf(rollback);
  }
}
