package io.driftwatch.core.plan;

import io.driftwatch.core.history.MigrationState;
import io.driftwatch.core.plan.DataVerdict.HoldsData;
import io.driftwatch.core.plan.FailedTriage.Verdict;
import io.driftwatch.core.plan.PlanStep.Language;
import io.driftwatch.core.prisma.ProjectPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Whether starting over is an option: only when every table is known to be empty (an exact check)
 * and the history is badly broken; whenever the database holds data, never.
 */
final class CleanBaseline {

  private CleanBaseline() {}

  static DataVerdict verdict(
      PlanInput in, List<FailedTriage> failed, List<PhantomTriage> phantoms) {
    DataPresence data = in.data();
    List<String> problems = brokenHistory(in, failed, phantoms);
    boolean badlyBroken = problems.size() >= 2;
    HoldsData holds =
        data.holdsData() ? HoldsData.yes : data.knownEmpty() ? HoldsData.no : HoldsData.unknown;
    if (data.holdsData()) {
      return new DataVerdict(
          holds,
          data.someTables(10),
          badlyBroken,
          false,
          "The database holds data ("
              + String.join(", ", data.someTables(5))
              + (data.tablesWithRows().size() > 5 ? ", ..." : "")
              + "): no step of this plan resets, drops or truncates anything, and a clean baseline is not an option.",
          List.of());
    }
    if (!data.knownEmpty()) {
      return new DataVerdict(
          holds,
          List.of(),
          badlyBroken,
          false,
          "Whether the database holds data is not known exactly, so nothing destructive is recommended.",
          List.of());
    }
    if (!badlyBroken) {
      return new DataVerdict(
          holds,
          List.of(),
          false,
          false,
          "The database holds no data, but the history is not "
              + "broken enough to start over: "
              + (problems.isEmpty() ? "nothing is wrong" : problems.get(0))
              + ".",
          List.of());
    }
    return new DataVerdict(
        holds,
        List.of(),
        true,
        true,
        "Every table is empty (checked exactly) and the history is "
            + "badly broken ("
            + String.join("; ", problems)
            + "): starting from one baseline migration is simpler and "
            + "loses nothing.",
        baselineSteps(in.schema(), in.paths()));
  }

  /**
   * What makes the history badly broken: the problems no simple, safe step settles. A failed
   * migration whose end state is reached, or that left nothing, or that is safe to re-run, is
   * simple; so is a phantom that is redundant or can be restored from git. A failed migration
   * applied in part or unverifiable, a phantom whose script is lost, migrations edited after they
   * ran and schema drift are not.
   */
  private static List<String> brokenHistory(
      PlanInput in, List<FailedTriage> failed, List<PhantomTriage> phantoms) {
    List<String> problems = new ArrayList<>();
    long hardFailed =
        failed.stream()
            .filter(
                t ->
                    t.verdict() == Verdict.PARTLY_APPLIED
                        || t.verdict() == Verdict.UNVERIFIABLE && !t.idempotent())
            .count();
    if (hardFailed > 0) {
      problems.add(hardFailed + " failed migration(s) applied in part or unverifiable");
    }
    long lost =
        phantoms.stream().filter(p -> p.verdict() == PhantomTriage.Verdict.SCRIPT_UNKNOWN).count();
    if (lost > 0) {
      problems.add(lost + " phantom migration(s) whose script is lost");
    }
    long edited =
        in.history().records().stream()
            .filter(r -> in.history().stateOf(r) == MigrationState.APPLIED)
            .filter(r -> r.checksumMatches().equals(Optional.of(false)))
            .count();
    if (edited > 0) {
      problems.add(edited + " migration(s) edited after they were applied");
    }
    if (in.driftObjects() > 0) {
      problems.add(in.driftObjects() + " object(s) of schema drift");
    }
    return problems;
  }

  private static List<PlanStep> baselineSteps(String schema, ProjectPaths paths) {
    PlanSteps steps = new PlanSteps();
    steps.add(
        "Keep the old migrations for reference",
        Language.shell,
        "mv " + paths.migrations() + " " + paths.migrations() + "_before_baseline",
        "Nothing is deleted: the old history stays readable until the new one is proven.",
        Risk.NONE,
        "");
    steps.add(
        "Write one baseline migration from schema.prisma",
        Language.shell,
        "mkdir -p "
            + paths.directory("0_init")
            + " && "
            + paths.diffFromEmpty()
            + " > "
            + paths.script("0_init"),
        "The baseline creates exactly what schema.prisma describes, in one reviewed script.",
        Risk.NONE,
        "Review the SQL: hand-written objects (views, functions, triggers, extensions) are not in schema.prisma "
            + "and must be copied in from the old migrations.");
    steps.add(
        "Reset the empty database",
        Language.shell,
        "npx prisma migrate reset --force --skip-seed" + paths.projectOption(),
        "Every table was checked and holds no row: nothing is lost.",
        Risk.MEDIUM,
        "Only run it against this environment's DATABASE_URL (schema "
            + schema
            + "); audit again right before, in "
            + "case data arrived since.");
    steps.add(
        "Apply the baseline",
        Language.shell,
        paths.deploy(),
        "One migration, one row in _prisma_migrations, no drift.",
        Risk.LOW,
        "");
    steps.add(
        "Verify",
        Language.shell,
        paths.status(),
        "Must print \"Database schema is up to date!\"; then audit the environment again: no finding expected.",
        Risk.NONE,
        "");
    return steps.all();
  }
}
