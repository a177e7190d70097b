/**
 * The resolution plan of an environment: the runbook a person follows during an incident, written
 * from the audit's evidence. {@link io.driftwatch.core.plan.ResolutionPlanner} reads the state of
 * every migration, predicts how pending ones will fare ({@link
 * io.driftwatch.core.effect.Preflight}, read once per audit in {@link
 * io.driftwatch.core.effect.PendingPreflight}), weighs what they destroy ({@link
 * io.driftwatch.core.plan.DataAtRisk}), triages failed and phantom migrations ({@link
 * io.driftwatch.core.plan.FailedTriager}, {@link io.driftwatch.core.plan.PhantomTriager}), decides
 * whether a clean baseline is an option ({@link io.driftwatch.core.plan.DataVerdict}) and writes
 * the steps, the checks after deploying and the rollback SQL.
 */
package io.driftwatch.core.plan;
