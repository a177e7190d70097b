package io.driftwatch.audit;

import io.driftwatch.audit.report.PlanReport;
import io.driftwatch.core.effect.PredictedFailure;
import io.driftwatch.core.plan.DataAtRiskItem;
import io.driftwatch.core.plan.DataVerdict;
import io.driftwatch.core.plan.FailedTriage;
import io.driftwatch.core.plan.MigrationRollback;
import io.driftwatch.core.plan.MigrationSafety;
import io.driftwatch.core.plan.PhantomTriage;
import io.driftwatch.core.plan.PlanState;
import io.driftwatch.core.plan.PlanStep;
import io.driftwatch.core.plan.PreflightCheck;
import io.driftwatch.core.plan.ResolutionPlan;
import io.driftwatch.core.plan.VerificationQuery;
import java.util.List;
import java.util.function.Function;

/** The engine's resolution plan copied into the report's own records. */
final class PlanReports {

  private PlanReports() {}

  static PlanReport of(ResolutionPlan plan) {
    return new PlanReport(
        plan.environmentSchema(),
        state(plan.state()),
        plan.summary(),
        each(plan.migrations(), PlanReports::safety),
        each(plan.failed(), PlanReports::failed),
        each(plan.phantoms(), PlanReports::phantom),
        data(plan.data()),
        each(plan.steps(), PlanReports::step),
        each(plan.preflight(), PlanReports::preflight),
        each(plan.verification(), PlanReports::verification),
        each(plan.rollback(), PlanReports::rollback));
  }

  private static PlanReport.State state(PlanState state) {
    return new PlanReport.State(
        state.applied(), state.phantom(), state.pending(), state.failed(), state.applying());
  }

  private static PlanReport.MigrationSafety safety(MigrationSafety migration) {
    return new PlanReport.MigrationSafety(
        migration.migration(),
        migration.safety(),
        migration.findings(),
        each(migration.predictedFailures(), PlanReports::predicted),
        migration.shadowError(),
        each(migration.dataAtRisk(), PlanReports::atRisk),
        migration.idempotent(),
        migration.creates(),
        migration.irreversible());
  }

  private static PlanReport.PredictedFailure predicted(PredictedFailure failure) {
    return new PlanReport.PredictedFailure(
        failure.migration(),
        failure.line(),
        failure.statement(),
        failure.object(),
        failure.reason());
  }

  private static PlanReport.AtRisk atRisk(DataAtRiskItem item) {
    return new PlanReport.AtRisk(item.table(), item.action(), item.rows(), item.line());
  }

  private static PlanReport.Failed failed(FailedTriage failed) {
    return new PlanReport.Failed(
        failed.migration(),
        failed.verdict(),
        failed.error(),
        failed.present(),
        failed.missing(),
        failed.unverifiable(),
        failed.idempotent(),
        failed.finishSql(),
        failed.undoSql());
  }

  private static PlanReport.Phantom phantom(PhantomTriage phantom) {
    return new PlanReport.Phantom(
        phantom.migration(),
        phantom.verdict(),
        phantom.evidence(),
        phantom.commit(),
        phantom.location(),
        phantom.notInOtherMigrations(),
        phantom.candidates());
  }

  private static PlanReport.Data data(DataVerdict data) {
    return new PlanReport.Data(
        data.holdsData(),
        data.tablesWithRows(),
        data.historyBadlyBroken(),
        data.cleanBaselineRecommended(),
        data.reason(),
        each(data.baselineSteps(), PlanReports::step));
  }

  private static PlanReport.Step step(PlanStep step) {
    return new PlanReport.Step(
        step.number(),
        step.title(),
        step.language(),
        step.command(),
        step.why(),
        step.risk(),
        step.riskNote());
  }

  private static PlanReport.Preflight preflight(PreflightCheck check) {
    return new PlanReport.Preflight(check.check(), check.status(), check.detail());
  }

  private static PlanReport.Verification verification(VerificationQuery query) {
    return new PlanReport.Verification(query.checks(), query.sql(), query.expect());
  }

  private static PlanReport.Rollback rollback(MigrationRollback rollback) {
    return new PlanReport.Rollback(rollback.migration(), rollback.sql(), rollback.irreversible());
  }

  private static <T, R> List<R> each(List<T> items, Function<T, R> copy) {
    return items.stream().map(copy).toList();
  }
}
