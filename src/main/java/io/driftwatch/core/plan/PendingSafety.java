package io.driftwatch.core.plan;

import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.effect.PredictedFailure;
import io.driftwatch.core.effect.SchemaObject;
import io.driftwatch.core.effect.SchemaObject.Kind;
import io.driftwatch.core.finding.Family;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.plan.MigrationSafety.Safety;
import io.driftwatch.core.replay.ExpectedSchema.ReplayFailure;
import io.driftwatch.core.rules.OversizedMigration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How safe each migration the next deploy runs is: its lint findings, its predicted failure (live
 * catalog) or its failure on the shadow replica, the data it destroys or rewrites, and what its
 * rollback cannot undo.
 */
final class PendingSafety {

  private PendingSafety() {}

  /**
   * @param rollbacks each pending migration's rollback, by name: what it cannot undo is part of its
   *     safety
   */
  static List<MigrationSafety> assess(
      PlanInput in,
      Map<String, List<Effect>> pending,
      Map<String, PredictedFailure> predicted,
      Map<String, ReplayFailure> shadowFailures,
      Map<String, MigrationRollback> rollbacks) {
    if (pending.isEmpty()) {
      return List.of();
    }
    Set<SchemaObject> createdByDeploy = new HashSet<>();
    pending
        .values()
        .forEach(
            list ->
                list.stream()
                    .filter(
                        e -> e.action() == Effect.Action.CREATE && e.object().kind() == Kind.TABLE)
                    .forEach(e -> createdByDeploy.add(e.object())));
    Map<String, List<Finding>> lintByMigration = new HashMap<>();
    for (Finding finding : in.findings()) {
      if (finding.migration() != null && finding.type().family() == Family.MS) {
        lintByMigration
            .computeIfAbsent(finding.migration(), ignored -> new ArrayList<>())
            .add(finding);
      }
    }
    Set<String> unreadMigrations = new HashSet<>(in.pending().unread());
    List<MigrationSafety> safety = new ArrayList<>();
    pending.forEach(
        (name, effects) -> {
          List<Finding> lint = lintByMigration.getOrDefault(name, List.of());
          boolean unread = unreadMigrations.contains(name);
          List<DataAtRiskItem> risk = DataAtRisk.of(effects, createdByDeploy, in.rowEstimates());
          List<PredictedFailure> failures =
              Optional.ofNullable(predicted.get(name)).map(List::of).orElse(List.of());
          ReplayFailure shadow = shadowFailures.get(name);
          Severity worst =
              lint.stream().map(Finding::severity).max(Enum::compareTo).orElse(Severity.INFO);
          Safety level;
          // The sandbox's refusal says nothing of how deploy will fare, but a script it stopped is
          // not safe to run.
          boolean failsOnShadow = shadow != null && shadow.cause().scriptsOwn();
          boolean stoppedBySandbox =
              shadow != null
                  && !failsOnShadow
                  && shadow.cause() != ReplayFailure.Cause.EXTENSION_UNAVAILABLE;
          if (!failures.isEmpty() || failsOnShadow) {
            level = Safety.WILL_FAIL;
          } else if (worst.atLeast(Severity.ERROR)
              || stoppedBySandbox
              || risk.stream().anyMatch(item -> item.rows() != 0)) {
            level = Safety.UNSAFE;
          } else if (worst.atLeast(Severity.WARNING)
              || shadow != null
              || !risk.isEmpty()
              || unread) {
            level = Safety.CAUTION;
          } else {
            level = Safety.SAFE;
          }
          List<String> creates =
              effects.stream()
                  .filter(e -> e.action() == Effect.Action.CREATE)
                  .filter(
                      e ->
                          e.object().kind() != Kind.COLUMN
                              || !createdByDeploy.contains(e.object().owner()))
                  .map(e -> e.object().describe())
                  .distinct()
                  .toList();
          List<String> notes =
              new ArrayList<>(lint.stream().map(f -> f.code() + ": " + f.message()).toList());
          if (unread && lint.stream().noneMatch(f -> f.type().equals(OversizedMigration.TYPE))) {
            notes.add(
                OversizedMigration.TYPE.code()
                    + ": not pre-flighted: the deploy's migrations up to it make more "
                    + "schema changes than the pre-flight plays");
          }
          safety.add(
              new MigrationSafety(
                  name,
                  level,
                  notes,
                  failures,
                  shadow == null ? "" : shadow.quoted(),
                  risk,
                  ScriptEffects.idempotent(effects),
                  creates,
                  rollbacks.get(name).irreversible()));
        });
    return safety;
  }
}
