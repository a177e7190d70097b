package io.driftwatch.core.plan;

import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.effect.ObjectSet;
import io.driftwatch.core.effect.ReverseSql;
import io.driftwatch.core.evidence.Evidence;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.history.HistoryRow;
import io.driftwatch.core.history.MigrationRecord;
import io.driftwatch.core.history.MigrationState;
import io.driftwatch.core.plan.FailedTriage.Verdict;
import io.driftwatch.core.plan.MigrationSafety.Safety;
import io.driftwatch.core.plan.PreflightCheck.Status;
import io.driftwatch.core.replay.ExpectedSchema;
import io.driftwatch.core.replay.ExpectedSchema.ReplayFailure;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Writes the resolution plan of one environment from an audit's evidence. The steps come in the order a person
 * carries them out: unblock deploys (failed migrations), settle the history (phantoms), clear what would make the
 * deploy fail, deploy, verify. Nothing destructive is ever a step while the database holds data.
 */
public final class ResolutionPlanner {

  /**
   * True when the plan could recommend a clean baseline if the database were empty, but whether it is was only
   * estimated: ask the database exactly ({@link DataPresence#checked}) and plan again.
   */
  public static boolean needsExactDataCheck(ResolutionPlan plan) {
    return plan.data().historyBadlyBroken() && plan.data().holdsData().equals("unknown");
  }

  public ResolutionPlan plan(PlanInput in) {
    Map<String, List<Effect>> effects = new LinkedHashMap<>();
    PlanState state = state(in, effects);

    Map<String, List<Effect>> pending = new LinkedHashMap<>();
    state.pending().forEach(name -> pending.put(name, effects.get(name)));
    Map<String, PredictedFailure> predicted = pending.isEmpty() ? Map.of()
        : in.live().map(ObjectSet::of).map(set -> Preflight.predict(pending, set)).orElse(Map.of());
    Map<String, ReplayFailure> shadowFailures = shadowFailures(in.shadowCheck(), pending.keySet());
    List<MigrationSafety> safety = PendingSafety.assess(in, pending, predicted, shadowFailures);

    List<FailedTriage> failed = new ArrayList<>();
    for (String name : state.failed()) {
      MigrationRecord record = record(in, name);
      String error = record.unfinishedRows().stream().map(HistoryRow::logs).filter(logs -> logs != null)
          .reduce((first, second) -> second).orElse("");
      in.live().ifPresent(catalog -> failed.add(FailedMigrationTriage.triage(name, error, effects.get(name), catalog)));
    }
    List<PhantomTriage> phantoms = phantoms(in, state);
    DataVerdict data = CleanBaseline.verdict(in, failed, phantoms);

    PlanSteps steps = new PlanSteps();
    if (!state.applying().isEmpty()) {
      steps.add("Wait for the running deploy", "none", "",
          "Prisma's advisory lock is held: a deploy is applying " + String.join(", ", state.applying())
              + " right now. Audit again once it has finished.", Risk.NONE, "Acting now would race the deploy.");
    }
    if (data.cleanBaselineRecommended()) {
      data.baselineSteps().forEach(steps::add);
    } else {
      failed.forEach(triage -> ResolutionSteps.failedSteps(triage, in, effects.get(triage.migration()), steps));
      phantoms.forEach(triage -> ResolutionSteps.phantomSteps(triage, steps));
      ResolutionSteps.schemaSteps(in, safety, steps);
      ResolutionSteps.pendingSteps(safety, effects, in, steps);
    }
    Map<String, List<Effect>> deployed = new LinkedHashMap<>();
    failed.stream().filter(t -> t.verdict() != Verdict.END_STATE_REACHED)
        .forEach(t -> deployed.put(t.migration(), effects.get(t.migration())));
    deployed.putAll(pending);
    return new ResolutionPlan(in.schema(), state, summary(state, safety, failed, phantoms, data), safety, failed,
        phantoms, data, steps.all(),
        preflight(in, pending, predicted, shadowFailures, safety),
        VerificationQueries.of(in.schema(), deployed), rollback(in, pending));
  }

  private static PlanState state(PlanInput in, Map<String, List<Effect>> effects) {
    int applied = 0;
    List<String> phantom = new ArrayList<>();
    List<String> pending = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    List<String> applying = new ArrayList<>();
    for (MigrationRecord record : in.history().records()) {
      MigrationState state = in.history().stateOf(record);
      if (state.deployWillApply() || state == MigrationState.FAILED) { // only what the plan acts on is read
        effects.put(record.name(), record.script().map(script -> ScriptEffects.of(script.sql(), in.schema()))
            .orElse(List.of()));
      }
      switch (state) {
        case APPLIED -> applied++;
        case PHANTOM -> phantom.add(record.name());
        case PENDING, ROLLED_BACK -> pending.add(record.name());
        case FAILED -> failed.add(record.name());
        case APPLYING -> applying.add(record.name());
      }
    }
    return new PlanState(applied, phantom, pending, failed, applying);
  }

  private static MigrationRecord record(PlanInput in, String name) {
    return in.history().records().stream().filter(record -> record.name().equals(name)).findFirst().orElseThrow();
  }

  private static Map<String, ReplayFailure> shadowFailures(Optional<ExpectedSchema> check, Set<String> pending) {
    Map<String, ReplayFailure> failures = new LinkedHashMap<>();
    check.ifPresent(replay -> {
      replay.pendingFailures().forEach(failure -> failures.put(failure.migration(), failure));
      replay.failure().filter(failure -> pending.contains(failure.migration()))
          .ifPresent(failure -> failures.put(failure.migration(), failure));
    });
    return failures;
  }

  private static List<PhantomTriage> phantoms(PlanInput in, PlanState state) {
    if (state.phantom().isEmpty()) {
      return List.of();
    }
    Optional<ObjectSet> expected = in.expected().map(ObjectSet::of);
    List<String> untracked = in.findings().stream().filter(f -> f.name().startsWith("UNTRACKED_"))
        .map(Finding::message).toList();
    return state.phantom().stream().map(name -> {
      Optional<Evidence> evidence = in.evidence().phantom(name);
      return PhantomMigrationTriage.triage(name, evidence, evidence.flatMap(Evidence::script), in.schema(), expected,
          untracked);
    }).toList();
  }

  private static List<PreflightCheck> preflight(PlanInput in, Map<String, List<Effect>> pending,
      Map<String, PredictedFailure> predicted, Map<String, ReplayFailure> shadowFailures,
      List<MigrationSafety> safety) {
    List<PreflightCheck> checks = new ArrayList<>();
    if (pending.isEmpty()) {
      checks.add(new PreflightCheck("pending migrations", Status.PASSED, "nothing to deploy"));
      return checks;
    }
    checks.add(in.live().isEmpty()
        ? new PreflightCheck("against the live catalog", Status.NOT_RUN, "the live catalog was not read")
        : new PreflightCheck("against the live catalog", predicted.isEmpty() ? Status.PASSED : Status.FAILED,
            predicted.isEmpty() ? "no pending statement creates what exists or needs what is missing"
                : String.join("; ", predicted.values().stream().map(p -> p.migration() + " " + p.message()).toList())));
    checks.add(in.shadowCheck().isEmpty()
        ? new PreflightCheck("applied on a shadow replica of the expected schema", Status.NOT_RUN,
            "the shadow replay did not run")
        : new PreflightCheck("applied on a shadow replica of the expected schema",
            shadowFailures.isEmpty() ? Status.PASSED : Status.FAILED, shadowFailures.isEmpty()
                ? "every pending migration applies cleanly"
                : String.join("; ", shadowFailures.values().stream()
                    .map(f -> f.migration() + " fails: " + f.sqlState() + " " + f.error()).toList())));
    long unsafe = safety.stream().filter(m -> m.safety() == Safety.UNSAFE).count();
    checks.add(new PreflightCheck("safety lint and data at risk", unsafe == 0 ? Status.PASSED : Status.FAILED,
        unsafe == 0 ? "no pending migration destroys data or breaks a lint rule at error level"
            : unsafe + " pending migration(s) are unsafe: read their findings"));
    return checks;
  }

  private static List<MigrationRollback> rollback(PlanInput in, Map<String, List<Effect>> pending) {
    if (pending.isEmpty()) {
      return List.of();
    }
    ReverseSql reverse = new ReverseSql(in.live());
    List<MigrationRollback> rollback = new ArrayList<>();
    List<String> names = new ArrayList<>(pending.keySet());
    for (int i = names.size() - 1; i >= 0; i--) {
      List<ReverseSql.Reversal> reversals = reverse.reverse(pending.get(names.get(i)));
      rollback.add(new MigrationRollback(names.get(i),
          reversals.stream().flatMap(r -> r.sql().stream()).toList(),
          reversals.stream().filter(r -> r.irreversible().isPresent())
              .map(r -> r.effect().describe() + ": " + r.irreversible().get()).toList()));
    }
    return rollback;
  }

  private static String summary(PlanState state, List<MigrationSafety> safety, List<FailedTriage> failed,
      List<PhantomTriage> phantoms, DataVerdict data) {
    StringBuilder out = new StringBuilder();
    out.append(state.applied()).append(" applied, ").append(state.pending().size()).append(" pending, ")
        .append(state.failed().size()).append(" failed, ").append(state.phantom().size()).append(" phantom.");
    if (!failed.isEmpty()) {
      out.append(" Deploys are blocked (P3009) by ").append(String.join(", ", state.failed())).append('.');
    }
    long willFail = safety.stream().filter(m -> m.safety() == Safety.WILL_FAIL).count();
    if (willFail > 0) {
      out.append(' ').append(willFail).append(" pending migration(s) will fail (P3018) as things stand.");
    } else if (!safety.isEmpty() && safety.stream().allMatch(m -> m.safety() == Safety.SAFE)) {
      out.append(" Every pending migration is safe to deploy.");
    }
    long redundant = phantoms.stream().filter(p -> p.verdict() == PhantomTriage.Verdict.REDUNDANT).count();
    if (redundant > 0) {
      out.append(' ').append(redundant).append(" phantom(s) are redundant.");
    }
    if (data.cleanBaselineRecommended()) {
      out.append(" A clean baseline is recommended: the database is empty and the history badly broken.");
    }
    if (state.pending().isEmpty() && state.failed().isEmpty() && state.phantom().isEmpty()
        && state.applying().isEmpty()) {
      out.append(" Nothing to resolve.");
    }
    return out.toString();
  }
}
