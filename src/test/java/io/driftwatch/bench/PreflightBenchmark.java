package io.driftwatch.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.AuditInput;
import io.driftwatch.core.AuditResult;
import io.driftwatch.core.effect.PendingPreflight;
import io.driftwatch.core.effect.StatementEffects;
import io.driftwatch.core.engine.AuditEngine;
import io.driftwatch.core.engine.PlanInputs;
import io.driftwatch.core.history.MigrationHistory;
import io.driftwatch.core.plan.DataPresence;
import io.driftwatch.core.plan.ResolutionPlan;
import io.driftwatch.core.plan.ResolutionPlanner;
import org.junit.jupiter.api.Test;

/**
 * Prints how the pre-flight of the pending migrations (each one's effects read, then played in
 * deploy order over the live catalog), the engine and the resolution plan grow with the number of
 * pending migrations: 1,000, 3,000, 10,000 and 20,000 Prisma-shaped pending migrations (a new table
 * with its index and enum, a column and a foreign key on a live table, a dropped column in one of
 * ten: eleven schema changes each) over 200 live tables with rows. Linear growth means the time per
 * migration stays flat. The pre-flight alone runs without its bound, to show the algorithm; the
 * engine and the plan run as the service runs them, the pre-flight stopping at {@link
 * StatementEffects#MAX_EFFECTS} schema changes (the migrations past it are named, not played). A
 * benchmark, not a timed test: {@code mvn test -Dtest=PreflightBenchmark}.
 */
class PreflightBenchmark {

  static final int[] PENDING = {1_000, 3_000, 10_000, 20_000};

  @Test
  void preflight_engine_and_plan_grow_linearly_with_the_pending_migrations() {
    AuditEngine engine = new AuditEngine();
    ResolutionPlanner planner = new ResolutionPlanner();
    // Warm up the JIT on a small history first.
    for (int i = 0; i < 3; i++) {
      AuditInput warm = PlanBenchmark.environment(500);
      AuditResult result = engine.audit(warm);
      planner.plan(
          PlanInputs.of(warm, result, DataPresence.estimated(warm.target().rowEstimates())));
    }
    System.out.printf(
        "%nPREFLIGHT: pending migrations over %d live tables (ms; µs per pending migration)%n",
        PlanBenchmark.APPLIED);
    System.out.printf(
        "%10s %24s %22s %22s %12s%n",
        "pending", "pre-flight, no bound", "engine (all rules)", "plan", "pre-flighted");
    for (int pending : PENDING) {
      AuditInput input = PlanBenchmark.environment(pending);
      MigrationHistory history = engine.join(input);
      long start = System.nanoTime();
      PendingPreflight preflight =
          PendingPreflight.of(history, input.target().catalog(), "public", Integer.MAX_VALUE);
      long preflightNanos = System.nanoTime() - start;
      start = System.nanoTime();
      AuditResult result = engine.audit(input, history);
      long engineNanos = System.nanoTime() - start;
      start = System.nanoTime();
      ResolutionPlan plan =
          planner.plan(
              PlanInputs.of(input, result, DataPresence.estimated(input.target().rowEstimates())));
      long planNanos = System.nanoTime() - start;
      System.out.printf(
          "%10d %14.0f (%6.1f) %12.0f (%6.1f) %12.0f (%6.1f) %12d%n",
          pending,
          preflightNanos / 1e6,
          preflightNanos / 1e3 / pending,
          engineNanos / 1e6,
          engineNanos / 1e3 / pending,
          planNanos / 1e6,
          planNanos / 1e3 / pending,
          pending - result.pending().unread().size());
      assertThat(preflight.unread()).as("no bound: every migration is played").isEmpty();
      assertThat(preflight.effects()).as("every pending migration is read").hasSize(pending);
      assertThat(plan.migrations()).as("every pending migration is weighed").hasSize(pending);
    }
    System.out.println();
  }
}
