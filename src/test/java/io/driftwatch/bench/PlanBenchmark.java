package io.driftwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.AuditInput;
import io.driftwatch.core.AuditResult;
import io.driftwatch.core.SourceSnapshot;
import io.driftwatch.core.TargetSnapshot;
import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.Column;
import io.driftwatch.core.catalog.PrimaryKey;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.Table;
import io.driftwatch.core.catalog.TableRows;
import io.driftwatch.core.effect.PendingPreflight;
import io.driftwatch.core.engine.AuditEngine;
import io.driftwatch.core.engine.PlanInputs;
import io.driftwatch.core.history.FolderMigration;
import io.driftwatch.core.history.HistoryRow;
import io.driftwatch.core.history.MigrationScript;
import io.driftwatch.core.plan.DataPresence;
import io.driftwatch.core.plan.PlanInput;
import io.driftwatch.core.plan.ResolutionPlan;
import io.driftwatch.core.plan.ResolutionPlanner;
import io.driftwatch.core.prisma.PrismaStatus.DatasourceLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Prints how long writing the resolution plan takes for an environment with 200 applied and 50
 * pending migrations over a live catalog of 200 tables with rows: effects of every pending
 * statement, pre-flight over the live catalog (as the engine does once per audit), data at risk,
 * verification queries and rollback SQL. A benchmark, not a timed test: {@code mvn test
 * -Dtest=PlanBenchmark}.
 */
class PlanBenchmark {

  static final int APPLIED = 200;
  static final int PENDING = 50;

  static String createTable(int i) {
    return "-- CreateTable\nCREATE TABLE \"t"
        + i
        + "\" (\n    \"id\" TEXT NOT NULL,\n    \"name\" TEXT,\n"
        + "    \"created_at\" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,\n\n    CONSTRAINT \"t"
        + i
        + "_pkey\" PRIMARY KEY (\"id\")\n);\n\n-- CreateIndex\nCREATE UNIQUE INDEX \"t"
        + i
        + "_name_key\" ON \"t"
        + i
        + "\"(\"name\");\n";
  }

  /**
   * A pending migration as Prisma writes them: new tables, a change to a live table, a foreign key,
   * an enum.
   */
  static String pending(int i) {
    int live = i % APPLIED;
    return createTable(APPLIED + i)
        + "\n-- AlterTable\nALTER TABLE \"t"
        + live
        + "\" ADD COLUMN     \"p"
        + i
        + "\" INTEGER,\n"
        + "ALTER COLUMN \"name\" SET NOT NULL;\n"
        + "\n-- CreateEnum\nCREATE TYPE \"Kind"
        + i
        + "\" AS ENUM ('A', 'B', 'C');\n"
        + "\n-- AddForeignKey\nALTER TABLE \"t"
        + (APPLIED + i)
        + "\" ADD CONSTRAINT \"t"
        + (APPLIED + i)
        + "_fk\" FOREIGN KEY (\"id\") REFERENCES \"t"
        + live
        + "\"(\"id\") ON DELETE RESTRICT ON UPDATE CASCADE;\n"
        + (i % 10 == 0
            ? "\n-- DropColumn\nALTER TABLE \"t" + live + "\" DROP COLUMN \"created_at\";\n"
            : "");
  }

  static AuditInput environment() {
    return environment(PENDING);
  }

  /**
   * {@link #APPLIED} applied migrations, each a live table with rows, and {@code pending} pending
   * ones.
   */
  static AuditInput environment(int pending) {
    List<FolderMigration> folder = new ArrayList<>();
    List<HistoryRow> rows = new ArrayList<>();
    List<Table> tables = new ArrayList<>();
    Map<String, Long> estimates = new HashMap<>();
    Instant clock = Instant.parse("2024-01-01T00:00:00Z");
    for (int i = 0; i < APPLIED + pending; i++) {
      String name = String.format("%014d_change_%d", 20240101000000L + i * 100L, i);
      String sql = i < APPLIED ? createTable(i) : pending(i - APPLIED);
      MigrationScript script = MigrationScript.of(sql);
      folder.add(FolderMigration.withScript(name, script));
      if (i < APPLIED) {
        clock = clock.plusSeconds(60);
        rows.add(
            new HistoryRow(
                UUID.randomUUID().toString(),
                script.checksum(),
                clock.plusMillis(40),
                name,
                null,
                null,
                clock,
                1));
        QualifiedName table = QualifiedName.of("public", "t" + i);
        tables.add(
            new Table(
                table,
                List.of(
                    Column.of("id", "text", false),
                    Column.of("name", "text", true),
                    Column.of("created_at", "timestamp(3) without time zone", false)),
                Optional.of(
                    new PrimaryKey("t" + i + "_pkey", List.of("id"), "PRIMARY KEY (id)", false)),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                List.of(),
                Optional.empty(),
                Optional.empty()));
        estimates.put("public.t" + i, 10_000L + i);
        estimates.put("t" + i, 10_000L + i);
      }
    }
    Catalog live =
        new Catalog(16, List.of("public"), tables, List.of(), List.of(), List.of(), List.of());
    return new AuditInput(
        new SourceSnapshot(folder, Optional.of("postgresql")),
        new TargetSnapshot(
            "postgresql",
            true,
            true,
            rows,
            false,
            new DatasourceLine("PostgreSQL", "app", "public", "db:5432"),
            Optional.of(live),
            TableRows.of(estimates)));
  }

  /**
   * The plan's input with the pending migrations read and pre-flighted again: the engine does that
   * once per audit for the plan and the MS018 rule, and it is timed here as part of writing the
   * plan.
   */
  private static PlanInput planInput(AuditInput input, AuditResult result, DataPresence data) {
    PendingPreflight pending =
        PendingPreflight.of(result.history(), input.target().catalog(), "public");
    return PlanInputs.of(
        input,
        new AuditResult(
            result.history(),
            result.prismaDiagnosis(),
            result.prismaStatus(),
            result.findings(),
            result.outcome(),
            result.schema(),
            pending,
            result.ownership()),
        data);
  }

  @Test
  void plan_for_fifty_pending_migrations() {
    AuditInput input = environment();
    AuditResult result = new AuditEngine().audit(input);
    ResolutionPlanner planner = new ResolutionPlanner();
    DataPresence data = DataPresence.estimated(input.target().rowEstimates());
    ResolutionPlan plan = null;
    for (int i = 0; i < 20; i++) {
      plan = planner.plan(planInput(input, result, data));
    }
    long[] nanos = new long[50];
    for (int i = 0; i < nanos.length; i++) {
      long start = System.nanoTime();
      plan = planner.plan(planInput(input, result, data));
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf(
        "%nPLAN: %d applied + %d pending migrations, %d live tables: %d steps, %d verification queries,"
            + " %d rollback statements: p50 %.1f ms, p95 %.1f ms, best %.1f ms%n%n",
        APPLIED,
        PENDING,
        APPLIED,
        plan.steps().size(),
        plan.verification().size(),
        plan.rollback().stream().mapToInt(r -> r.sql().size()).sum(),
        nanos[nanos.length / 2] / 1e6,
        nanos[(int) (nanos.length * 0.95)] / 1e6,
        nanos[0] / 1e6);
    assertThat(plan.migrations()).as("every pending migration is weighed").hasSize(PENDING);
  }
}
