package io.driftwatch.core.plan;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.TableRows;
import io.driftwatch.core.dialect.SqlDialect;
import io.driftwatch.core.drift.CatchUpMigration;
import io.driftwatch.core.effect.PendingPreflight;
import io.driftwatch.core.evidence.HistoryEvidence;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.history.MigrationHistory;
import io.driftwatch.core.prisma.ProjectPaths;
import io.driftwatch.core.replay.ExpectedSchema;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the plan is written from: an audit's joined history and findings, the live catalog, the
 * schema the applied migrations build, the shadow check of the pending ones, git's evidence, and
 * which tables hold rows.
 *
 * @param expected the catalog the applied folder migrations build (shadow replay)
 * @param shadowCheck the replay of every folder migration with pending ones kept going past
 *     failures; empty when there is nothing pending or it could not run
 * @param schema the migration schema ({@code ?schema=})
 * @param catchUp the migration that records the schema drift, when there is drift
 * @param driftObjects how many objects drifted (0 when drift was not checked)
 * @param pending the migrations the next deploy runs, read and pre-flighted once by the engine
 * @param paths where the source keeps its migrations and schema: the paths and commands the plan
 *     gives
 * @param dialect the SQL the database speaks: the reverse SQL and the undo of a failed migration
 *     are written in it
 */
public record PlanInput(
    MigrationHistory history,
    List<Finding> findings,
    Optional<Catalog> live,
    Optional<Catalog> expected,
    Optional<ExpectedSchema> shadowCheck,
    HistoryEvidence evidence,
    TableRows rowEstimates,
    DataPresence data,
    String schema,
    Optional<CatchUpMigration> catchUp,
    int driftObjects,
    PendingPreflight pending,
    ProjectPaths paths,
    SqlDialect dialect) {

  public PlanInput {
    findings = List.copyOf(findings);
    Objects.requireNonNull(rowEstimates, "rowEstimates");
    Objects.requireNonNull(dialect, "dialect");
  }
}
