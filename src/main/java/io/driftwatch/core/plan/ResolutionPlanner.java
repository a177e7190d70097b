package io.driftwatch.core.plan;

import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.effect.ObjectSet;
import io.driftwatch.core.effect.PendingPreflight;
import io.driftwatch.core.effect.PredictedFailure;
import io.driftwatch.core.effect.ReverseSql;
import io.driftwatch.core.evidence.Evidence;
import io.driftwatch.core.finding.Family;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.history.HistoryRow;
import io.driftwatch.core.history.MigrationRecord;
import io.driftwatch.core.plan.FailedTriage.Verdict;
import io.driftwatch.core.plan.MigrationSafety.Safety;
import io.driftwatch.core.plan.PlanStep.Language;
import io.driftwatch.core.plan.PreflightCheck.Status;
import io.driftwatch.core.replay.ExpectedSchema.ReplayFailure;
import io.driftwatch.core.rules.DriftRule;
import io.driftwatch.core.rules.FailedMigrationFailsAgainRule;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the resolution plan of one environment from an audit's evidence. The steps come in the
 * order a person carries them out: unblock deploys (failed migrations), settle the history
 * (phantoms), clear what would make the deploy fail, deploy, verify. Nothing destructive is ever a
 * step while the database holds data.
 */
public final class ResolutionPlanner {

  /**
   * True when the plan could recommend a clean baseline if the database were empty, but whether it
   * is was only estimated: ask the database exactly ({@link DataPresence#checked}) and plan again.
   */
  public static boolean needsExactDataCheck(ResolutionPlan plan) {
    return plan.data().historyBadlyBroken()
        && plan.data().holdsData() == DataVerdict.HoldsData.unknown;
  }

  public ResolutionPlan plan(PlanInput in) {
    Map<String, List<Effect>> failedEffects = new LinkedHashMap<>();
    PlanState state = state(in, failedEffects);
    Map<String, List<Effect>> pending = in.pending().effects();
    Map<String, PredictedFailure> predicted = in.pending().predicted();
    Optional<ObjectSet> live =
        pending.isEmpty() && failedEffects.isEmpty()
            ? Optional.empty()
            : in.live().map(ObjectSet::of);
    Map<String, ReplayFailure> shadowFailures = new LinkedHashMap<>();
    in.shadowCheck()
        .ifPresent(
            replay ->
                replay
                    .failuresOf(pending.keySet())
                    .forEach(failure -> shadowFailures.put(failure.migration(), failure)));
    Map<String, MigrationRollback> rollbacks = rollbacks(in, pending);
    List<MigrationSafety> safety =
        PendingSafety.assess(in, pending, predicted, shadowFailures, rollbacks);

    List<FailedTriage> failed = new ArrayList<>();
    failedEffects.forEach(
        (name, effects) ->
            live.ifPresent(
                objects ->
                    failed.add(
                        FailedTriager.triage(
                            name,
                            error(record(in, name)),
                            effects,
                            in.live().get(),
                            objects,
                            in.dialect()::ddl,
                            in.dialect().names()))));
    List<PhantomTriage> phantoms = phantoms(in, state);
    DataVerdict data = CleanBaseline.verdict(in, failed, phantoms);

    PlanSteps steps = new PlanSteps();
    if (!state.applying().isEmpty()) {
      steps.add(
          "Wait for the running deploy",
          Language.none,
          "",
          "Prisma's advisory lock is held: a deploy is applying "
              + String.join(", ", state.applying())
              + " right now. Audit again once it has finished.",
          Risk.NONE,
          "Acting now would race the deploy.");
    }
    if (data.cleanBaselineRecommended()) {
      data.baselineSteps().forEach(steps::add);
    } else {
      failed.forEach(
          triage ->
              ResolutionSteps.failedSteps(
                  triage,
                  live,
                  failedEffects.get(triage.migration()),
                  failsAgain(in.findings(), triage.migration()),
                  in.paths(),
                  in.dialect(),
                  steps));
      phantoms.forEach(triage -> ResolutionSteps.phantomSteps(triage, steps));
      ResolutionSteps.editedSteps(in, steps);
      ResolutionSteps.schemaSteps(in, safety, steps);
      ResolutionSteps.pendingSteps(safety, pending, in, live, steps);
    }
    Map<String, List<Effect>> deployed = new LinkedHashMap<>();
    failed.stream()
        .filter(t -> t.verdict() != Verdict.END_STATE_REACHED)
        .forEach(t -> deployed.put(t.migration(), failedEffects.get(t.migration())));
    deployed.putAll(pending);
    List<MigrationRollback> lastFirst = new ArrayList<>(rollbacks.values());
    Collections.reverse(lastFirst);
    return new ResolutionPlan(
        in.schema(),
        state,
        summary(state, safety, failed, phantoms, data),
        safety,
        failed,
        phantoms,
        data,
        steps.all(),
        preflight(in, pending, predicted, shadowFailures, safety),
        VerificationQueries.of(in.dialect(), in.schema(), deployed),
        lastFirst);
  }

  /**
   * The migrations by state, and the failed ones' effects: as the engine read them with their lint
   * ({@link PendingPreflight#failed()}), read here only when it did not.
   */
  private static PlanState state(PlanInput in, Map<String, List<Effect>> failedEffects) {
    int applied = 0;
    List<String> phantom = new ArrayList<>();
    List<String> pending = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    List<String> applying = new ArrayList<>();
    for (MigrationRecord record : in.history().records()) {
      switch (in.history().stateOf(record)) {
        case APPLIED -> applied++;
        case PHANTOM -> phantom.add(record.name());
        case PENDING, ROLLED_BACK -> pending.add(record.name());
        case FAILED -> {
          failed.add(record.name());
          List<Effect> read = in.pending().failed().get(record.name());
          failedEffects.put(
              record.name(),
              read != null
                  ? read
                  : record
                      .script()
                      .map(script -> ScriptEffects.of(script.sql(), in.schema(), in.dialect()))
                      .orElse(List.of()));
        }
        case APPLYING -> applying.add(record.name());
      }
    }
    return new PlanState(applied, phantom, pending, failed, applying);
  }

  /** The error Prisma recorded for the failed migration: the newest unfinished row's logs. */
  private static String error(MigrationRecord record) {
    return record.unfinishedRows().stream()
        .map(HistoryRow::logs)
        .filter(logs -> logs != null)
        .reduce((first, second) -> second)
        .orElse("");
  }

  private static MigrationRecord record(PlanInput in, String name) {
    return in.history().records().stream()
        .filter(record -> record.name().equals(name))
        .findFirst()
        .orElseThrow();
  }

  private static List<PhantomTriage> phantoms(PlanInput in, PlanState state) {
    if (state.phantom().isEmpty()) {
      return List.of();
    }
    Optional<ObjectSet> expected = in.expected().map(ObjectSet::of);
    List<String> untracked =
        in.findings().stream()
            .filter(f -> DriftRule.untracked(f.type()))
            .map(Finding::message)
            .toList();
    return state.phantom().stream()
        .map(
            name -> {
              Optional<Evidence> evidence = in.evidence().phantom(name);
              return PhantomTriager.triage(
                  name,
                  evidence,
                  evidence.flatMap(Evidence::script),
                  in.schema(),
                  expected,
                  untracked,
                  in.paths(),
                  in.dialect());
            })
        .toList();
  }

  private static List<PreflightCheck> preflight(
      PlanInput in,
      Map<String, List<Effect>> pending,
      Map<String, PredictedFailure> predicted,
      Map<String, ReplayFailure> shadowFailures,
      List<MigrationSafety> safety) {
    List<PreflightCheck> checks = new ArrayList<>();
    if (pending.isEmpty()) {
      checks.add(new PreflightCheck("pending migrations", Status.PASSED, "nothing to deploy"));
      return checks;
    }
    List<String> unread = in.pending().unread();
    String notPlayed =
        unread.isEmpty()
            ? ""
            : String.format(
                Locale.ROOT,
                "; %,d pending migration%s from %s "
                    + "on not played: the deploy makes more schema changes than the pre-flight plays (MS020)",
                unread.size(),
                unread.size() == 1 ? "" : "s",
                unread.get(0));
    checks.add(
        in.live().isEmpty()
            ? new PreflightCheck(
                "against the live catalog", Status.NOT_RUN, "the live catalog was not read")
            : new PreflightCheck(
                "against the live catalog",
                !predicted.isEmpty()
                    ? Status.FAILED
                    : unread.isEmpty() ? Status.PASSED : Status.NOT_RUN,
                (predicted.isEmpty()
                        ? "no pending statement creates what exists or needs what is missing"
                        : String.join(
                            "; ",
                            predicted.values().stream()
                                .map(p -> p.migration() + " " + p.message())
                                .toList()))
                    + notPlayed));
    checks.add(
        in.shadowCheck().isEmpty()
            ? new PreflightCheck(
                "applied on a shadow replica of the expected schema",
                Status.NOT_RUN,
                "the shadow replay did not run")
            : new PreflightCheck(
                "applied on a shadow replica of the expected schema",
                shadowFailures.isEmpty() ? Status.PASSED : Status.FAILED,
                (shadowFailures.isEmpty()
                        ? "every pending migration applies cleanly"
                        : String.join(
                            "; ",
                            shadowFailures.values().stream()
                                .map(f -> f.migration() + " " + f.verdict())
                                .toList()))
                    + in.shadowCheck()
                        .get()
                        .assumption()
                        .map(assumed -> " (" + assumed + ")")
                        .orElse("")));
    long unsafe = safety.stream().filter(m -> m.safety() == Safety.UNSAFE).count();
    checks.add(
        new PreflightCheck(
            "safety lint and data at risk",
            unsafe == 0 ? Status.PASSED : Status.FAILED,
            unsafe == 0
                ? "no pending migration destroys data or breaks a lint rule at error level"
                : unsafe + " pending migration(s) are unsafe: read their findings"));
    return checks;
  }

  /** How to take each pending migration back, by name in deploy order: one reverse reading each. */
  private static Map<String, MigrationRollback> rollbacks(
      PlanInput in, Map<String, List<Effect>> pending) {
    Map<String, MigrationRollback> rollbacks = new LinkedHashMap<>();
    if (pending.isEmpty()) {
      return rollbacks;
    }
    ReverseSql reverse = new ReverseSql(in.live(), in.dialect()::ddl, in.dialect().names());
    pending.forEach(
        (name, effects) -> {
          List<ReverseSql.Reversal> reversals = reverse.reverse(effects);
          rollbacks.put(
              name,
              new MigrationRollback(
                  name,
                  reversals.stream().flatMap(r -> r.sql().stream()).toList(),
                  reversals.stream()
                      .filter(r -> r.irreversible().isPresent())
                      .map(r -> r.effect().describe() + ": " + r.irreversible().get())
                      .toList()));
        });
    return rollbacks;
  }

  private static String summary(
      PlanState state,
      List<MigrationSafety> safety,
      List<FailedTriage> failed,
      List<PhantomTriage> phantoms,
      DataVerdict data) {
    StringBuilder out = new StringBuilder();
    out.append(state.applied())
        .append(" applied, ")
        .append(state.pending().size())
        .append(" pending, ")
        .append(state.failed().size())
        .append(" failed, ")
        .append(state.phantom().size())
        .append(" phantom.");
    if (!failed.isEmpty()) {
      out.append(" Deploys are blocked (P3009) by ")
          .append(String.join(", ", state.failed()))
          .append('.');
    }
    long willFail = safety.stream().filter(m -> m.safety() == Safety.WILL_FAIL).count();
    if (willFail > 0) {
      out.append(' ')
          .append(willFail)
          .append(" pending migration(s) will fail (P3018) as things stand.");
    } else if (!safety.isEmpty() && safety.stream().allMatch(m -> m.safety() == Safety.SAFE)) {
      out.append(" Every pending migration is safe to deploy.");
    }
    long redundant =
        phantoms.stream().filter(p -> p.verdict() == PhantomTriage.Verdict.REDUNDANT).count();
    if (redundant > 0) {
      out.append(' ').append(redundant).append(" phantom(s) are redundant.");
    }
    if (data.cleanBaselineRecommended()) {
      out.append(
          " A clean baseline is recommended: the database is empty and the history badly broken.");
    }
    if (state.pending().isEmpty()
        && state.failed().isEmpty()
        && state.phantom().isEmpty()
        && state.applying().isEmpty()) {
      out.append(" Nothing to resolve.");
    }
    return out.toString();
  }

  /**
   * The findings that say a failed migration's script fails again as it is: MS021, or its lint at
   * error level.
   */
  private static List<Finding> failsAgain(List<Finding> findings, String migration) {
    return findings.stream()
        .filter(finding -> migration.equals(finding.migration()))
        .filter(
            finding ->
                finding.type().equals(FailedMigrationFailsAgainRule.TYPE)
                    || finding.type().family() == Family.MS
                        && finding.severity().atLeast(Severity.ERROR))
        .toList();
  }
}
