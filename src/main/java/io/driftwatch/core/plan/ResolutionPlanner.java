package io.driftwatch.core.plan;

import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.effect.ObjectSet;
import io.driftwatch.core.effect.ReverseSql;
import io.driftwatch.core.effect.SchemaObject;
import io.driftwatch.core.effect.SchemaObject.Kind;
import io.driftwatch.core.evidence.Evidence;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.history.HistoryRow;
import io.driftwatch.core.history.MigrationRecord;
import io.driftwatch.core.history.MigrationState;
import io.driftwatch.core.plan.FailedTriage.Verdict;
import io.driftwatch.core.plan.MigrationSafety.Safety;
import io.driftwatch.core.plan.PreflightCheck.Status;
import io.driftwatch.core.replay.ExpectedSchema;
import io.driftwatch.core.replay.ExpectedSchema.ReplayFailure;
import java.util.ArrayList;
import java.util.HashSet;
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

  private static final String PRISMA = "npx prisma migrate ";

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
    Optional<ObjectSet> live = in.live().map(ObjectSet::of);
    Map<String, PredictedFailure> predicted = live.map(set -> Preflight.predict(pending, set)).orElse(Map.of());
    Map<String, ReplayFailure> shadowFailures = shadowFailures(in.shadowCheck(), pending.keySet());
    List<MigrationSafety> safety = safety(in, pending, predicted, shadowFailures);

    List<FailedTriage> failed = new ArrayList<>();
    for (String name : state.failed()) {
      MigrationRecord record = record(in, name);
      String error = record.unfinishedRows().stream().map(HistoryRow::logs).filter(logs -> logs != null)
          .reduce((first, second) -> second).orElse("");
      in.live().ifPresent(catalog -> failed.add(FailedMigrationTriage.triage(name, error, effects.get(name), catalog)));
    }
    List<PhantomTriage> phantoms = phantoms(in, state);
    DataVerdict data = dataVerdict(in, state, failed, phantoms);

    Steps steps = new Steps();
    if (!state.applying().isEmpty()) {
      steps.add("Wait for the running deploy", "none", "",
          "Prisma's advisory lock is held: a deploy is applying " + String.join(", ", state.applying())
              + " right now. Audit again once it has finished.", Risk.NONE, "Acting now would race the deploy.");
    }
    if (data.cleanBaselineRecommended()) {
      data.baselineSteps().forEach(steps::add);
    } else {
      failed.forEach(triage -> failedSteps(triage, in, effects.get(triage.migration()), steps));
      phantoms.forEach(triage -> phantomSteps(triage, steps));
      schemaSteps(in, safety, steps);
      pendingSteps(safety, effects, in, steps);
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
    List<String> applied = new ArrayList<>();
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
        case APPLIED -> applied.add(record.name());
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

  private static List<MigrationSafety> safety(PlanInput in, Map<String, List<Effect>> pending,
      Map<String, PredictedFailure> predicted, Map<String, ReplayFailure> shadowFailures) {
    Set<SchemaObject> createdByDeploy = new HashSet<>();
    pending.values().forEach(list -> list.stream()
        .filter(e -> e.action() == Effect.Action.CREATE && e.object().kind() == Kind.TABLE)
        .forEach(e -> createdByDeploy.add(e.object())));
    ReverseSql reverse = new ReverseSql(in.live());
    List<MigrationSafety> safety = new ArrayList<>();
    pending.forEach((name, effects) -> {
      List<Finding> lint = in.findings().stream()
          .filter(f -> name.equals(f.migration()) && f.code().startsWith("MS")).toList();
      List<DataAtRiskItem> risk = DataAtRisk.of(effects, createdByDeploy, in.rowEstimates());
      List<PredictedFailure> failures = Optional.ofNullable(predicted.get(name)).map(List::of).orElse(List.of());
      ReplayFailure shadow = shadowFailures.get(name);
      Severity worst = lint.stream().map(Finding::severity).max(Enum::compareTo).orElse(Severity.INFO);
      Safety level;
      if (!failures.isEmpty() || shadow != null) {
        level = Safety.WILL_FAIL;
      } else if (worst.atLeast(Severity.ERROR) || risk.stream().anyMatch(item -> item.rows() != 0)) {
        level = Safety.UNSAFE;
      } else if (worst.atLeast(Severity.WARNING) || !risk.isEmpty()) {
        level = Safety.CAUTION;
      } else {
        level = Safety.SAFE;
      }
      List<String> creates = effects.stream().filter(e -> e.action() == Effect.Action.CREATE)
          .filter(e -> e.object().kind() != Kind.COLUMN || !createdByDeploy.contains(e.object().owner()))
          .map(e -> e.object().describe()).distinct().toList();
      List<String> irreversible = reverse.reverse(effects).stream().filter(r -> r.irreversible().isPresent())
          .map(r -> r.effect().describe() + ": " + r.irreversible().get()).toList();
      safety.add(new MigrationSafety(name, level,
          lint.stream().map(f -> f.code() + ": " + f.message()).toList(), failures,
          shadow == null ? "" : shadow.sqlState() + ": " + shadow.error(), risk, ScriptEffects.idempotent(effects),
          creates, irreversible));
    });
    return safety;
  }

  private static List<PhantomTriage> phantoms(PlanInput in, PlanState state) {
    Optional<ObjectSet> expected = in.expected().map(ObjectSet::of);
    List<String> untracked = in.findings().stream().filter(f -> f.name().startsWith("UNTRACKED_"))
        .map(Finding::message).toList();
    return state.phantom().stream().map(name -> {
      Optional<Evidence> evidence = in.evidence().phantom(name);
      return PhantomMigrationTriage.triage(name, evidence, evidence.flatMap(Evidence::script), in.schema(), expected,
          untracked);
    }).toList();
  }

  // The clean baseline

  private static DataVerdict dataVerdict(PlanInput in, PlanState state, List<FailedTriage> failed,
      List<PhantomTriage> phantoms) {
    DataPresence data = in.data();
    List<String> problems = brokenHistory(in, failed, phantoms);
    String holds = data.holdsData() ? "yes" : data.knownEmpty() ? "no" : "unknown";
    if (data.holdsData()) {
      return new DataVerdict(holds, data.someTables(10), problems.size() >= 2, false, "The database holds data (" + String.join(", ",
          data.someTables(5)) + (data.tablesWithRows().size() > 5 ? ", ..." : "") + "): no step of this plan "
          + "resets, drops or truncates anything, and a clean baseline is not an option.", List.of());
    }
    if (!data.knownEmpty()) {
      return new DataVerdict(holds, List.of(), problems.size() >= 2, false, "Whether the database holds data is not known exactly, so "
          + "nothing destructive is recommended.", List.of());
    }
    if (problems.size() < 2) {
      return new DataVerdict(holds, List.of(), false, false, "The database holds no data, but the history is not broken "
          + "enough to start over: " + (problems.isEmpty() ? "nothing is wrong" : problems.get(0)) + ".", List.of());
    }
    return new DataVerdict(holds, List.of(), true, true, "Every table is empty (checked exactly) and the history is badly "
        + "broken (" + String.join("; ", problems) + "): starting from one baseline migration is simpler and "
        + "loses nothing.", baselineSteps(in.schema()));
  }

  /**
   * What makes the history badly broken: the problems no simple, safe step settles. A failed migration whose end
   * state is reached, or that left nothing, or that is safe to re-run, is simple; so is a phantom that is redundant
   * or can be restored from git. A failed migration applied in part or unverifiable, a phantom whose script is lost,
   * migrations edited after they ran and schema drift are not.
   */
  private static List<String> brokenHistory(PlanInput in, List<FailedTriage> failed, List<PhantomTriage> phantoms) {
    List<String> problems = new ArrayList<>();
    long hardFailed = failed.stream().filter(t -> t.verdict() == Verdict.PARTLY_APPLIED
        || t.verdict() == Verdict.UNVERIFIABLE && !t.idempotent()).count();
    if (hardFailed > 0) {
      problems.add(hardFailed + " failed migration(s) applied in part or unverifiable");
    }
    long lost = phantoms.stream().filter(p -> p.verdict() == PhantomTriage.Verdict.SCRIPT_UNKNOWN).count();
    if (lost > 0) {
      problems.add(lost + " phantom migration(s) whose script is lost");
    }
    long edited = in.history().records().stream()
        .filter(r -> in.history().stateOf(r) == MigrationState.APPLIED && r.checksumMatches().equals(Optional.of(false)))
        .count();
    if (edited > 0) {
      problems.add(edited + " migration(s) edited after they were applied");
    }
    if (in.driftObjects() > 0) {
      problems.add(in.driftObjects() + " object(s) of schema drift");
    }
    return problems;
  }

  private static List<PlanStep> baselineSteps(String schema) {
    Steps steps = new Steps();
    steps.add("Keep the old migrations for reference", "shell",
        "mv prisma/migrations prisma/migrations_before_baseline",
        "Nothing is deleted: the old history stays readable until the new one is proven.", Risk.NONE, "");
    steps.add("Write one baseline migration from schema.prisma", "shell",
        "mkdir -p prisma/migrations/0_init && npx prisma migrate diff --from-empty "
            + "--to-schema-datamodel prisma/schema.prisma --script > prisma/migrations/0_init/migration.sql",
        "The baseline creates exactly what schema.prisma describes, in one reviewed script.", Risk.NONE,
        "Review the SQL: hand-written objects (views, functions, triggers, extensions) are not in schema.prisma "
            + "and must be copied in from the old migrations.");
    steps.add("Reset the empty database", "shell", "npx prisma migrate reset --force --skip-seed",
        "Every table was checked and holds no row: nothing is lost.", Risk.MEDIUM,
        "Only run it against this environment's DATABASE_URL (schema " + schema + "); audit again right before, in "
            + "case data arrived since.");
    steps.add("Apply the baseline", "shell", PRISMA + "deploy",
        "One migration, one row in _prisma_migrations, no drift.", Risk.LOW, "");
    steps.add("Verify", "shell", PRISMA + "status",
        "Must print \"Database schema is up to date!\"; then audit the environment again: no finding expected.",
        Risk.NONE, "");
    return steps.all();
  }

  // Steps

  private static void failedSteps(FailedTriage triage, PlanInput in, List<Effect> effects, Steps steps) {
    String name = triage.migration();
    switch (triage.verdict()) {
      case END_STATE_REACHED -> steps.add("Mark " + name + " as applied", "shell",
          PRISMA + "resolve --applied " + name,
          "Everything its script does is already in the database (" + String.join(", ", triage.present())
              + "): only the history row is missing.",
          Risk.LOW, triage.unverifiable().isEmpty() ? "Deploy will not run it again."
              : "Its row writes cannot be checked from the schema: confirm them by hand first: "
                  + String.join(" ", triage.unverifiable()));
      case NOTHING_APPLIED, UNVERIFIABLE -> {
        boolean checkedNothing = triage.verdict() == Verdict.NOTHING_APPLIED;
        if (!checkedNothing && !triage.idempotent()) {
          steps.add("Check by hand whether " + name + " ran", "sql", String.join("\n", triage.unverifiable()),
              "Its statements change rows or are not read by driftwatch, so the schema cannot tell whether they ran. "
                  + "PostgreSQL ran the script as one transaction and rolled it back when it failed, unless someone "
                  + "ran it by hand since.", Risk.NONE,
              "If they did run: " + PRISMA + "resolve --applied " + name + " instead of the next step.");
        }
        Optional<PredictedFailure> again = in.live().map(ObjectSet::of)
            .flatMap(set -> Preflight.firstFailure(name, effects, set));
        if (again.isPresent()) {
          steps.add("Remove the cause of the failure of " + name, "none", "",
              "Run as it is, it fails again: " + again.get().message() + ".", Risk.MEDIUM,
              "Fix the script (it has not been applied, so it may be edited) or the database object it trips on; "
                  + "never drop an object that holds data.");
        } else if (!triage.error().isEmpty()) {
          steps.add("Remove the cause of the failure of " + name, "none", "",
              "It failed with: " + triage.error() + ". Make sure that cannot happen again before deploying.",
              Risk.MEDIUM, "Re-running an unchanged script against an unchanged database fails the same way.");
        }
        steps.add("Mark " + name + " as rolled back", "shell", PRISMA + "resolve --rolled-back " + name,
            (checkedNothing ? "None of its effects is in the database (" + String.join(", ", triage.missing())
                + "): PostgreSQL rolled its transaction back. "
                : "Nothing of it shows in the schema. ")
                + "Deploy then runs it again." + (triage.idempotent()
                ? " The script is idempotent (IF NOT EXISTS / ON CONFLICT DO NOTHING): re-running it is safe." : ""),
            Risk.LOW, triage.idempotent() ? "" : "Re-running statements that already ran by hand would repeat them.");
      }
      case PARTLY_APPLIED -> {
        steps.add("Finish " + name + " by hand", "sql", String.join("\n", triage.finishSql()),
            "Part of it is in the database (" + String.join(", ", triage.present()) + "), part is missing ("
                + String.join(", ", triage.missing()) + "): these statements create what is missing.",
            Risk.MEDIUM, "Run them in one transaction (BEGIN; ... COMMIT;). To undo it instead: "
                + String.join(" ", triage.undoSql()) + " then " + PRISMA + "resolve --rolled-back " + name);
        steps.add("Mark " + name + " as applied", "shell", PRISMA + "resolve --applied " + name,
            "Once finished, its end state is reached.", Risk.LOW, "");
      }
    }
  }

  private static void phantomSteps(PhantomTriage triage, Steps steps) {
    String name = triage.migration();
    switch (triage.verdict()) {
      case REDUNDANT -> steps.add("Leave phantom " + name + " alone", "none", "",
          "Git has its script (" + triage.evidence().toLowerCase() + (triage.commit().isEmpty() ? ""
              : " in " + shortSha(triage.commit())) + ") and everything it does is already done by the folder's "
              + "migrations: it is redundant. Prisma ignores the row; nothing needs restoring.",
          Risk.NONE, "");
      case RESTORE -> steps.add("Restore phantom " + name + " from git", "shell", restoreCommand(triage),
          "The database applied it, and it does what no folder migration does (" + String.join(", ",
              triage.notInOtherMigrations()) + "): without its file, a new database built from git would lack it.",
          Risk.NONE, "Commit the restored file unchanged: its checksum must match the database's row.");
      case SCRIPT_UNKNOWN -> steps.add("Write down what phantom " + name + " did", "none", "",
          "Git has no trace of its script (it was never committed). "
              + (triage.candidates().isEmpty() ? "No live object lacks a migration, so it may have changed data only."
                  : "Candidates, live objects no migration explains: " + String.join("; ", triage.candidates())),
          Risk.NONE, triage.candidates().isEmpty() ? "Ask who ran it; if it only changed rows, nothing needs "
              + "restoring, but write its SQL down for the next environment."
              : "Capture them in a migration with GET /api/v1/environments/{name}/drift (catch-up migration), "
                  + "then mark it applied.");
    }
  }

  /**
   * Drift the database holds (db push, manual SQL) is recorded by a catch-up migration marked applied; models
   * schema.prisma has and no migration creates get a migration of their own. Left out while a pending migration
   * will fail: it is likely to create what the drift shows, and that conflict comes first.
   */
  private static void schemaSteps(PlanInput in, List<MigrationSafety> safety, Steps steps) {
    boolean willFail = safety.stream().anyMatch(m -> m.safety() == Safety.WILL_FAIL);
    if (in.catchUp().isPresent() && in.driftObjects() > 0 && !willFail) {
      steps.add("Record the schema drift in a catch-up migration", "shell",
          String.join("\n", in.catchUp().get().commands()),
          in.driftObjects() + " object(s) of the database differ from what the applied migrations build. The catch-up "
              + "migration records the database as it is and is marked applied, so nothing runs against it.",
          Risk.LOW, "If the migrations are right and the database is not, use the restore SQL of GET "
              + "/api/v1/environments/{name}/drift instead: read its data-loss section first.");
    }
    long uncovered = in.findings().stream()
        .filter(f -> f.name().equals("MODEL_WITHOUT_MIGRATION") || f.name().equals("FIELD_WITHOUT_MIGRATION")).count();
    if (uncovered > 0 && !willFail) {
      steps.add("Create the migration schema.prisma is missing", "shell",
          PRISMA + "dev --create-only --name cover_schema",
          uncovered + " model(s) or field(s) of schema.prisma are created by no migration: a new environment built "
              + "from git would lack them.", Risk.LOW,
          "Run it against a development database, never production; review the SQL, commit it, and it ships with "
              + "the next deploy.");
    }
  }

  private static String restoreCommand(PhantomTriage triage) {
    String location = triage.location();
    if (triage.commit().isEmpty()) {
      return "git log --all --full-history -- " + location + "  # find the commit, then git checkout <commit> -- "
          + location;
    }
    String from = triage.evidence().equals("DELETED") || triage.evidence().equals("RENAMED")
        ? triage.commit() + "^" : triage.commit();
    return "git checkout " + from + " -- " + location;
  }

  private static void pendingSteps(List<MigrationSafety> safety, Map<String, List<Effect>> effects, PlanInput in,
      Steps steps) {
    if (safety.isEmpty()) {
      return;
    }
    Optional<ObjectSet> live = in.live().map(ObjectSet::of);
    for (MigrationSafety migration : safety) {
      if (migration.safety() != Safety.WILL_FAIL) {
        continue;
      }
      String name = migration.migration();
      String reason = migration.predictedFailures().isEmpty() ? "on a replica of the expected schema it fails: "
          + migration.shadowError() : migration.predictedFailures().get(0).message();
      boolean endStateThere = live.isPresent() && !effects.get(name).isEmpty() && effects.get(name).stream()
          .filter(e -> !e.action().writesRows() && e.action() != Effect.Action.UNKNOWN)
          .allMatch(e -> FailedMigrationTriage.achieved(e, live.get(), in.live().get())
              == ObjectSet.Presence.PRESENT);
      if (endStateThere) {
        steps.add("Mark " + name + " as applied instead of running it", "shell", PRISMA + "resolve --applied " + name,
            "It would fail (" + reason + "), and everything it creates is already in the database: it was applied "
                + "by hand or by db push.", Risk.LOW, "Its row writes, if any, are not checked.");
      } else {
        steps.add("Clear what makes " + name + " fail", "none", "",
            "It will fail with P3018: " + reason + ". Deploy stops there and the migrations after it do not run.",
            Risk.MEDIUM, "Guard the statement (IF NOT EXISTS) or fix the object by hand; never drop an object that "
                + "holds data.");
      }
    }
    Safety worst = safety.stream().map(MigrationSafety::safety).max(Enum::compareTo).orElse(Safety.SAFE);
    long rows = safety.stream().flatMap(m -> m.dataAtRisk().stream()).filter(i -> i.rows() != 0).count();
    String names = String.join(", ", safety.stream().map(MigrationSafety::migration).toList());
    Risk risk = switch (worst) {
      case SAFE -> Risk.LOW;
      case CAUTION -> Risk.MEDIUM;
      case UNSAFE, WILL_FAIL -> Risk.HIGH;
    };
    steps.add("Deploy the pending migrations", "shell", PRISMA + "deploy",
        safety.size() + " pending migration(s): " + names + ". " + (worst == Safety.SAFE
            ? "Every one is safe: they create new objects or touch only empty tables, and the pre-flight checks pass."
            : "See the safety of each migration before running it."),
        risk, rows > 0 ? rows + " change(s) destroy or rewrite data in tables with rows: take a backup first."
            : worst == Safety.WILL_FAIL ? "Run it only once the steps above are done." : "");
  }

  // Checks and rollback

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
    out.append(state.applied().size()).append(" applied, ").append(state.pending().size()).append(" pending, ")
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

  private static String shortSha(String sha) {
    return sha.length() > 12 ? sha.substring(0, 12) : sha;
  }

  /** The steps, numbered as they are added. */
  private static final class Steps {
    private final List<PlanStep> steps = new ArrayList<>();

    void add(String title, String language, String command, String why, Risk risk, String riskNote) {
      steps.add(new PlanStep(steps.size() + 1, title, language, command, why, risk, riskNote));
    }

    void add(PlanStep step) {
      add(step.title(), step.language(), step.command(), step.why(), step.risk(), step.riskNote());
    }

    List<PlanStep> all() {
      return List.copyOf(steps);
    }
  }
}
