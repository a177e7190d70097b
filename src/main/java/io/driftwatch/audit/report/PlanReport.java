package io.driftwatch.audit.report;

import io.driftwatch.core.plan.DataVerdict.HoldsData;
import io.driftwatch.core.plan.FailedTriage;
import io.driftwatch.core.plan.MigrationSafety.Safety;
import io.driftwatch.core.plan.PhantomTriage;
import io.driftwatch.core.plan.PlanStep.Language;
import io.driftwatch.core.plan.PreflightCheck.Status;
import io.driftwatch.core.plan.Risk;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The resolution plan of one audit, as it is stored and served: the engine's plan copied field by
 * field, so that a change inside the engine cannot change what earlier reports read back as or what
 * clients receive. The component names are the ones the API has always published.
 *
 * @param summary the situation in a few sentences
 * @param migrations the safety of every migration the next deploy runs
 * @param preflight the checks made before deploying
 * @param verification the queries to run after deploying
 * @param rollback the reverse SQL of every pending migration, last migration first
 */
@Schema(name = "ResolutionPlan")
public record PlanReport(
    String environmentSchema,
    State state,
    String summary,
    List<MigrationSafety> migrations,
    List<Failed> failed,
    List<Phantom> phantoms,
    Data data,
    List<Step> steps,
    List<Preflight> preflight,
    List<Verification> verification,
    List<Rollback> rollback) {

  /** Where the history stands: how many are applied, and which are phantom, pending or failed. */
  @Schema(name = "PlanState")
  public record State(
      int applied,
      List<String> phantom,
      List<String> pending,
      List<String> failed,
      List<String> applying) {}

  /**
   * How safe one migration of the next deploy is.
   *
   * @param findings the lint findings, each as {@code CODE: message}
   * @param shadowError the error of the exact check (the migration applied on a replica of the
   *     expected schema); empty when it passed or did not run
   * @param creates the objects it creates
   * @param irreversible the statements its rollback cannot undo
   */
  @Schema(name = "MigrationSafety")
  public record MigrationSafety(
      String migration,
      Safety safety,
      List<String> findings,
      List<PredictedFailure> predictedFailures,
      String shadowError,
      List<AtRisk> dataAtRisk,
      boolean idempotent,
      List<String> creates,
      List<String> irreversible) {}

  /**
   * A statement that will fail on the live database (Prisma's P3018).
   *
   * @param line the statement's line in migration.sql
   * @param object the object in the way, or missing
   * @param reason {@code already exists} or {@code does not exist}
   */
  @Schema(name = "PredictedFailure")
  public record PredictedFailure(
      String migration, int line, String statement, String object, String reason) {}

  /**
   * A live table a pending migration destroys or rewrites.
   *
   * @param action what happens to it ({@code drops the table}, {@code deletes every row}, ...)
   * @param rows the estimated rows, or -1 when unknown
   */
  @Schema(name = "DataAtRiskItem")
  public record AtRisk(String table, String action, long rows, int line) {}

  /**
   * What a failed migration left behind, and the SQL that finishes or undoes it.
   *
   * @param error the first line of the error Prisma recorded ({@code logs})
   * @param present effects found in the live database
   * @param missing effects not found
   * @param unverifiable statements whose effect the catalog cannot show (row writes, DO blocks)
   * @param idempotent every statement is guarded: re-running is safe
   */
  @Schema(name = "FailedTriage")
  public record Failed(
      String migration,
      FailedTriage.Verdict verdict,
      String error,
      List<String> present,
      List<String> missing,
      List<String> unverifiable,
      boolean idempotent,
      List<String> finishSql,
      List<String> undoSql) {}

  /**
   * What git knows of a phantom migration, and what to do with it.
   *
   * @param evidence how git explains it ({@code DELETED}, {@code ONLY_ON_BRANCH}, ...; {@code NONE}
   *     without git)
   * @param commit the commit to restore it from, or empty
   * @param notInOtherMigrations effects of its script that no folder migration produces
   * @param candidates when its script is unknown: live objects that no migration explains
   */
  @Schema(name = "PhantomTriage")
  public record Phantom(
      String migration,
      PhantomTriage.Verdict verdict,
      String evidence,
      String commit,
      String location,
      List<String> notInOtherMigrations,
      List<String> candidates) {}

  /**
   * Whether the database holds data, and whether a clean baseline is the better way out.
   *
   * @param baselineSteps the clean-baseline runbook; empty unless recommended
   */
  @Schema(name = "DataVerdict")
  public record Data(
      HoldsData holdsData,
      List<String> tablesWithRows,
      boolean historyBadlyBroken,
      boolean cleanBaselineRecommended,
      String reason,
      List<Step> baselineSteps) {}

  /**
   * One step, in the order to carry them out.
   *
   * @param language what {@code command} is
   * @param why why the step is safe (or needed), from the evidence
   * @param riskNote what could go wrong, and what to watch
   */
  @Schema(name = "PlanStep")
  public record Step(
      int number,
      String title,
      Language language,
      String command,
      String why,
      Risk risk,
      String riskNote) {}

  /** One check made before deploying. */
  @Schema(name = "PreflightCheck")
  public record Preflight(String check, Status status, String detail) {}

  /** A query to run after deploying, and what it should return. */
  @Schema(name = "VerificationQuery")
  public record Verification(String checks, String sql, String expect) {}

  /** The reverse SQL of one pending migration, and what it cannot restore. */
  @Schema(name = "MigrationRollback")
  public record Rollback(String migration, List<String> sql, List<String> irreversible) {}
}
