package io.driftwatch.core.plan;

import io.driftwatch.core.catalog.CatalogIndex;
import io.driftwatch.core.dialect.SqlDialect;
import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.effect.ObjectSet;
import io.driftwatch.core.effect.PredictedFailure;
import io.driftwatch.core.effect.Preflight;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.history.FolderMigration;
import io.driftwatch.core.history.MigrationRecord;
import io.driftwatch.core.history.MigrationState;
import io.driftwatch.core.plan.FailedTriage.Verdict;
import io.driftwatch.core.plan.MigrationSafety.Safety;
import io.driftwatch.core.plan.PlanStep.Language;
import io.driftwatch.core.prisma.ProjectPaths;
import io.driftwatch.core.rules.FieldWithoutMigrationRule;
import io.driftwatch.core.rules.ModelWithoutMigrationRule;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Writes the steps of a plan, each with its command or SQL, why it is safe and its risk: failed
 * migrations first (they block every deploy), then phantoms, schema drift and coverage, what would
 * make a pending migration fail, and the deploy. No step destroys data.
 */
final class ResolutionSteps {

  private ResolutionSteps() {}

  /**
   * @param live the live database's objects: copied, since a statement is played on them to see if
   *     it fails
   * @param failsAgain what says the script fails again as it is: its replay on a shadow replica
   *     (MS021), its lint at error level (a CONCURRENTLY next to other statements fails inside
   *     Prisma's transaction every time)
   */
  static void failedSteps(
      FailedTriage triage,
      Optional<ObjectSet> live,
      List<Effect> effects,
      List<Finding> failsAgain,
      ProjectPaths paths,
      SqlDialect dialect,
      PlanSteps steps) {
    String name = triage.migration();
    String product = dialect.product();
    switch (triage.verdict()) {
      case END_STATE_REACHED ->
          steps.add(
              "Mark " + name + " as applied",
              Language.shell,
              paths.resolveApplied(name),
              "Everything its script does is already in the database ("
                  + String.join(", ", triage.present())
                  + "): only the history row is missing.",
              Risk.LOW,
              triage.unverifiable().isEmpty()
                  ? "Deploy will not run it again."
                  : "Its row writes cannot be checked from the schema: confirm them by hand first: "
                      + String.join(" ", triage.unverifiable()));
      case NOTHING_APPLIED, UNVERIFIABLE -> {
        boolean checkedNothing = triage.verdict() == Verdict.NOTHING_APPLIED;
        if (!checkedNothing && !triage.idempotent()) {
          steps.add(
              "Check by hand whether " + name + " ran",
              Language.sql,
              String.join("\n", triage.unverifiable()),
              "Its statements change rows or are not read by driftwatch, so the schema cannot tell whether they ran. "
                  + (dialect.transactionalDdl()
                      ? product
                          + " ran the script as one transaction and rolled it back when it failed, unless someone "
                          + "ran it by hand since."
                      : product
                          + " commits each statement as it runs: those before the one that failed may have run."),
              Risk.NONE,
              "If they did run: " + paths.resolveApplied(name) + " instead of the next step.");
        }
        Optional<PredictedFailure> again =
            live.map(ObjectSet::copy).flatMap(set -> Preflight.firstFailure(name, effects, set));
        if (again.isPresent() || !failsAgain.isEmpty()) {
          String why =
              again
                  .map(PredictedFailure::message)
                  .map(List::of)
                  .orElseGet(
                      () ->
                          failsAgain.stream()
                              .map(finding -> finding.code() + ": " + finding.message())
                              .toList())
                  .stream()
                  .collect(Collectors.joining("; "));
          steps.add(
              "Remove the cause of the failure of " + name,
              Language.none,
              "",
              "Run as it is, it fails again: " + why + ".",
              Risk.MEDIUM,
              "Fix the script (it has not been applied, so it may be edited) or the database object it trips on; "
                  + "never drop an object that holds data.");
        } else if (!triage.error().isEmpty()) {
          steps.add(
              "Remove the cause of the failure of " + name,
              Language.none,
              "",
              "It failed with: "
                  + triage.error()
                  + ". Make sure that cannot happen again before deploying.",
              Risk.MEDIUM,
              "Re-running an unchanged script against an unchanged database fails the same way.");
        }
        steps.add(
            "Mark " + name + " as rolled back",
            Language.shell,
            paths.resolveRolledBack(name),
            (checkedNothing
                    ? "None of its effects is in the database ("
                        + String.join(", ", triage.missing())
                        + (dialect.transactionalDdl()
                            ? "): " + product + " rolled its transaction back. "
                            : "): it failed before any statement took effect. ")
                    : "Nothing of it shows in the schema. ")
                + "Deploy then runs it again."
                + (triage.idempotent()
                    ? " The script is idempotent (IF NOT EXISTS / ON CONFLICT DO NOTHING): re-running it is safe."
                    : ""),
            Risk.LOW,
            triage.idempotent()
                ? ""
                : "Re-running statements that already ran by hand would repeat them.");
      }
      case PARTLY_APPLIED -> {
        steps.add(
            "Finish " + name + " by hand",
            Language.sql,
            String.join("\n", triage.finishSql()),
            "Part of it is in the database ("
                + String.join(", ", triage.present())
                + "), part is missing ("
                + String.join(", ", triage.missing())
                + "): these statements create what is missing.",
            Risk.MEDIUM,
            (dialect.transactionalDdl()
                    ? "Run them in one transaction (BEGIN; ... COMMIT;). To undo it instead: "
                    : product
                        + " commits each DDL statement as it runs, so no transaction can hold them: run"
                        + " them one at a time and check each. To undo it instead: ")
                + String.join(" ", triage.undoSql())
                + " then "
                + paths.resolveRolledBack(name));
        steps.add(
            "Mark " + name + " as applied",
            Language.shell,
            paths.resolveApplied(name),
            "Once finished, its end state is reached.",
            Risk.LOW,
            "");
      }
    }
  }

  static void phantomSteps(PhantomTriage triage, PlanSteps steps) {
    String name = triage.migration();
    switch (triage.verdict()) {
      case REDUNDANT ->
          steps.add(
              "Leave phantom " + name + " alone",
              Language.none,
              "",
              "Git has its script ("
                  + triage.evidence().toLowerCase()
                  + (triage.commit().isEmpty() ? "" : " in " + shortSha(triage.commit()))
                  + ") and everything it does is already done by the folder's "
                  + "migrations: it is redundant. Prisma ignores the row; nothing needs restoring.",
              Risk.NONE,
              "");
      case RESTORE ->
          steps.add(
              "Restore phantom " + name + " from git",
              Language.shell,
              restoreCommand(triage),
              "The database applied it, and it does what no folder migration does ("
                  + String.join(", ", triage.notInOtherMigrations())
                  + "): without its file, a new database built from git would lack it.",
              Risk.NONE,
              "Commit the restored file unchanged: its checksum must match the database's row.");
      case SCRIPT_UNKNOWN ->
          steps.add(
              "Write down what phantom " + name + " did",
              Language.none,
              "",
              "Git has no trace of its script (it was never committed). "
                  + (triage.candidates().isEmpty()
                      ? "No live object lacks a migration, so it may have changed data only."
                      : "Candidates, live objects no migration explains: "
                          + String.join("; ", triage.candidates())),
              Risk.NONE,
              triage.candidates().isEmpty()
                  ? "Ask who ran it; if it only changed rows, nothing needs "
                      + "restoring, but write its SQL down for the next environment."
                  : "Capture them in a migration: the catch-up migration of this environment's drift report (this "
                      + "plan's URL with /drift in place of /plan), then mark it applied.");
    }
  }

  /**
   * Drift the database holds (db push, manual SQL) is recorded by a catch-up migration marked
   * applied; models schema.prisma has and no migration creates get a migration of their own. Left
   * out while a pending migration will fail: it is likely to create what the drift shows, and that
   * conflict comes first.
   */
  static void schemaSteps(PlanInput in, List<MigrationSafety> safety, PlanSteps steps) {
    boolean willFail = safety.stream().anyMatch(m -> m.safety() == Safety.WILL_FAIL);
    if (in.catchUp().isPresent() && in.driftObjects() > 0 && !willFail) {
      steps.add(
          "Record the schema drift in a catch-up migration",
          Language.shell,
          String.join("\n", in.catchUp().get().commands()),
          in.driftObjects()
              + " object(s) of the database differ from what the applied migrations build. The catch-up "
              + "migration records the database as it is and is marked applied, so nothing runs against it.",
          Risk.LOW,
          "If the migrations are right and the database is not, use the restore SQL of this "
              + "environment's drift report instead (this plan's URL with /drift in place of /plan): read its "
              + "data-loss section first.");
    }
    long uncovered =
        in.findings().stream()
            .filter(
                f ->
                    f.type().equals(ModelWithoutMigrationRule.TYPE)
                        || f.type().equals(FieldWithoutMigrationRule.TYPE))
            .count();
    if (uncovered > 0 && !willFail) {
      steps.add(
          "Create the migration schema.prisma is missing",
          Language.shell,
          "npx prisma migrate dev --create-only --name cover_schema" + in.paths().projectOption(),
          uncovered
              + " model(s) or field(s) of schema.prisma are created by no migration: a new environment built "
              + "from git would lack them.",
          Risk.LOW,
          "Run it against a development database, never production; review the SQL, commit it, and it ships with "
              + "the next deploy.");
    }
  }

  private static String restoreCommand(PhantomTriage triage) {
    String location = triage.location();
    if (triage.commit().isEmpty()) {
      return "git log --all --full-history -- "
          + location
          + "  # find the commit, then git checkout <commit> -- "
          + location;
    }
    String from =
        triage.evidence().equals("DELETED") || triage.evidence().equals("RENAMED")
            ? triage.commit() + "^"
            : triage.commit();
    return "git checkout " + from + " -- " + location;
  }

  static void pendingSteps(
      List<MigrationSafety> safety,
      Map<String, List<Effect>> effects,
      PlanInput in,
      Optional<ObjectSet> live,
      PlanSteps steps) {
    if (safety.isEmpty()) {
      return;
    }
    boolean anyWillFail =
        safety.stream().anyMatch(migration -> migration.safety() == Safety.WILL_FAIL);
    Optional<CatalogIndex> liveTables =
        anyWillFail ? in.live().map(CatalogIndex::of) : Optional.empty(); // built once
    for (MigrationSafety migration : safety) {
      if (migration.safety() != Safety.WILL_FAIL) {
        continue;
      }
      String name = migration.migration();
      String reason =
          migration.predictedFailures().isEmpty()
              ? "on a replica of the expected schema it fails: " + migration.shadowError()
              : migration.predictedFailures().get(0).message();
      boolean endStateThere =
          live.isPresent()
              && liveTables.isPresent()
              && !effects.get(name).isEmpty()
              && effects.get(name).stream()
                  .filter(e -> !e.action().writesRows() && e.action() != Effect.Action.UNKNOWN)
                  .allMatch(
                      e ->
                          FailedTriager.achieved(e, live.get(), liveTables.get())
                              == ObjectSet.Presence.PRESENT);
      if (endStateThere) {
        steps.add(
            "Mark " + name + " as applied instead of running it",
            Language.shell,
            in.paths().resolveApplied(name),
            "It would fail ("
                + reason
                + "), and everything it creates is already in the database: it was applied "
                + "by hand or by db push.",
            Risk.LOW,
            "Its row writes, if any, are not checked.");
      } else {
        steps.add(
            "Clear what makes " + name + " fail",
            Language.none,
            "",
            "It will fail with P3018: "
                + reason
                + ". Deploy stops there and the migrations after it do not run.",
            Risk.MEDIUM,
            "Guard the statement (IF NOT EXISTS) or fix the object by hand; never drop an object that "
                + "holds data.");
      }
    }
    Safety worst =
        safety.stream().map(MigrationSafety::safety).max(Enum::compareTo).orElse(Safety.SAFE);
    long rows =
        safety.stream().flatMap(m -> m.dataAtRisk().stream()).filter(i -> i.rows() != 0).count();
    String names = String.join(", ", safety.stream().map(MigrationSafety::migration).toList());
    Risk risk =
        switch (worst) {
          case SAFE -> Risk.LOW;
          case CAUTION -> Risk.MEDIUM;
          case UNSAFE, WILL_FAIL -> Risk.HIGH;
        };
    List<String> withoutScript =
        in.history().records().stream()
            .filter(record -> record.folder().filter(FolderMigration::missingScript).isPresent())
            .map(MigrationRecord::name)
            .toList();
    if (!withoutScript.isEmpty()) {
      for (String name : withoutScript) {
        steps.add(
            "Restore the migration.sql of " + name,
            Language.shell,
            in.paths().gitHistoryOf(name),
            "The folder "
                + in.paths().directory(name)
                + " has no migration.sql: `prisma migrate deploy` stops on "
                + "it with P3015 before running anything.",
            Risk.NONE,
            "Find the commit that last had it, then: git checkout <commit> -- "
                + in.paths().script(name)
                + "; if it was never applied anywhere, delete the empty folder instead. Then: "
                + in.paths().deploy());
      }
      return; // deploy fails with P3015 (a folder without migration.sql) until the folders are
      // whole
    }
    steps.add(
        "Deploy the pending migrations",
        Language.shell,
        in.paths().deploy(),
        safety.size()
            + " pending migration(s): "
            + names
            + ". "
            + (worst == Safety.SAFE
                ? "Every one is safe: they create new objects or touch only empty tables, and the pre-flight checks pass."
                : "See the safety of each migration before running it."),
        risk,
        rows > 0
            ? rows + " change(s) destroy or rewrite data in tables with rows: take a backup first."
            : worst == Safety.WILL_FAIL ? "Run it only once the steps above are done." : "");
  }

  /**
   * An applied migration whose script was edited since (HI005): the database ran the old script,
   * new databases will run the new one. Either the applied script comes back from git, or the edit
   * is accepted as it is.
   */
  static void editedSteps(PlanInput in, PlanSteps steps) {
    for (MigrationRecord record : in.history().inState(MigrationState.APPLIED)) {
      if (!record.checksumMatches().equals(Optional.of(false))) {
        continue;
      }
      String name = record.name();
      String script = in.paths().script(name);
      String restore =
          in.evidence()
              .edit(name)
              .filter(e -> !e.commits().isEmpty())
              .map(
                  e ->
                      "git checkout "
                          + e.commits().get(e.commits().size() - 1).commit().shortSha()
                          + "^ -- "
                          + script)
              .orElse(
                  "git log -p -- "
                      + script
                      + "  # find the version applied, then: git checkout <commit> -- "
                      + script);
      String current = record.script().map(s -> s.checksum()).orElse("");
      steps.add(
          "Restore the applied script of " + name + ", or accept its edit",
          Language.shell,
          restore,
          "Its script was changed after this database applied it (checksums differ): the database ran the old "
              + "version, a new database would run the new one. Restoring the applied version keeps every "
              + "environment alike; put the change into a new migration (npx prisma migrate dev --create-only "
              + "--name <change>"
              + in.paths().projectOption()
              + ").",
          Risk.NONE,
          "To accept the edit instead (only if the database already matches the edited script), record its "
              + "checksum: UPDATE \""
              + in.schema()
              + "\".\"_prisma_migrations\" SET checksum = '"
              + current
              + "' WHERE migration_name = '"
              + name
              + "';");
    }
  }

  private static String shortSha(String sha) {
    return sha.length() > 12 ? sha.substring(0, 12) : sha;
  }
}
