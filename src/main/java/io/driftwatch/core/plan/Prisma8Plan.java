package io.driftwatch.core.plan;

import io.driftwatch.core.history.HistoryOwnership;
import io.driftwatch.core.plan.DataVerdict.HoldsData;
import io.driftwatch.core.plan.PlanStep.Language;
import java.util.List;

/**
 * The plan of a database Prisma 8 owns: none of Prisma Migrate's steps applies (its history table
 * is inert), so the plan says so and hands over to Prisma 8's own checks. Drift and coverage
 * findings still stand, as the audit reports them.
 */
public final class Prisma8Plan {

  private Prisma8Plan() {}

  public static ResolutionPlan of(String schema, HistoryOwnership ownership) {
    PlanSteps steps = new PlanSteps();
    steps.add(
        "Check the history with Prisma 8",
        Language.shell,
        "npx prisma migration status --json",
        "Prisma 8 keeps this database's history in its marker and ledger, which it alone reads in"
            + " full: it lists the migrations the marker is not at"
            + " (MIGRATION.MARKER_NOT_IN_HISTORY) and edited ones (MIGRATION.HASH_MISMATCH).",
        Risk.NONE,
        "Reads only.");
    steps.add(
        "Verify the database against the contract",
        Language.shell,
        "npx prisma db verify",
        "Compares the live schema and the marker with the contract; exits 4 on"
            + " CONTRACT.MARKER_MISMATCH or CONTRACT.MARKER_MISSING.",
        Risk.NONE,
        "Reads only.");
    return new ResolutionPlan(
        schema,
        new PlanState(0, List.of(), List.of(), List.of(), List.of()),
        "Prisma 8 owns this database's history: "
            + ownership.reason()
            + " No Prisma Migrate step applies; run Prisma 8's checks.",
        List.of(),
        List.of(),
        List.of(),
        new DataVerdict(
            HoldsData.unknown,
            List.of(),
            false,
            false,
            "Not assessed: the plan recommends nothing that changes the database.",
            List.of()),
        steps.all(),
        List.of(),
        List.of(),
        List.of());
  }
}
