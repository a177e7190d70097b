package io.driftwatch.core.plan;

import io.driftwatch.core.catalog.CatalogIndex;
import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.effect.ObjectSet;
import io.driftwatch.core.effect.PredictedFailure;
import io.driftwatch.core.effect.Preflight;
import io.driftwatch.core.plan.FailedTriage.Verdict;
import io.driftwatch.core.plan.MigrationSafety.Safety;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the steps of a plan, each with its command or SQL, why it is safe and its risk: failed migrations first
 * (they block every deploy), then phantoms, schema drift and coverage, what would make a pending migration fail,
 * and the deploy. No step destroys data.
 */
final class ResolutionSteps {

  private static final String PRISMA = "npx prisma migrate ";

  private ResolutionSteps() {}

  /** @param live the live database's objects: copied, since a statement is played on them to see if it fails */
  static void failedSteps(FailedTriage triage, Optional<ObjectSet> live, List<Effect> effects, PlanSteps steps) {
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
        Optional<PredictedFailure> again = live.map(ObjectSet::copy)
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

  static void phantomSteps(PhantomTriage triage, PlanSteps steps) {
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
  static void schemaSteps(PlanInput in, List<MigrationSafety> safety, PlanSteps steps) {
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

  static void pendingSteps(List<MigrationSafety> safety, Map<String, List<Effect>> effects, PlanInput in,
      Optional<ObjectSet> live, PlanSteps steps) {
    if (safety.isEmpty()) {
      return;
    }
    boolean anyWillFail = safety.stream().anyMatch(migration -> migration.safety() == Safety.WILL_FAIL);
    Optional<CatalogIndex> liveTables = anyWillFail ? in.live().map(CatalogIndex::of) : Optional.empty(); // built once
    for (MigrationSafety migration : safety) {
      if (migration.safety() != Safety.WILL_FAIL) {
        continue;
      }
      String name = migration.migration();
      String reason = migration.predictedFailures().isEmpty() ? "on a replica of the expected schema it fails: "
          + migration.shadowError() : migration.predictedFailures().get(0).message();
      boolean endStateThere = live.isPresent() && liveTables.isPresent() && !effects.get(name).isEmpty()
          && effects.get(name).stream()
          .filter(e -> !e.action().writesRows() && e.action() != Effect.Action.UNKNOWN)
          .allMatch(e -> FailedMigrationTriage.achieved(e, live.get(), liveTables.get())
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

  private static String shortSha(String sha) {
    return sha.length() > 12 ? sha.substring(0, 12) : sha;
  }
}
