package io.driftwatch.core.plan;

import java.util.List;

/**
 * What a failed migration (P3009) left in the database, statement effect by statement effect.
 *
 * @param error the first line of the error Prisma recorded ({@code logs})
 * @param present effects found in the live database
 * @param missing effects not found
 * @param unverifiable statements whose effect the catalog cannot show (row writes, DO blocks)
 * @param idempotent every statement is guarded ({@code IF NOT EXISTS}, {@code ON CONFLICT DO
 *     NOTHING}): re-running is safe
 * @param finishSql the statements whose effects are missing, to finish it by hand
 * @param undoSql the reverse of the effects present, to undo it by hand
 */
public record FailedTriage(
    String migration,
    Verdict verdict,
    String error,
    List<String> present,
    List<String> missing,
    List<String> unverifiable,
    boolean idempotent,
    List<String> finishSql,
    List<String> undoSql) {

  public enum Verdict {
    /** Every checkable effect is in the database: {@code migrate resolve --applied}. */
    END_STATE_REACHED,
    /** None is: {@code migrate resolve --rolled-back}, then deploy runs it again. */
    NOTHING_APPLIED,
    /** Some are: finish it (then --applied) or undo it (then --rolled-back). */
    PARTLY_APPLIED,
    /** Nothing the catalog can show: decided by whether the script is safe to re-run. */
    UNVERIFIABLE
  }

  public FailedTriage {
    present = List.copyOf(present);
    missing = List.copyOf(missing);
    unverifiable = List.copyOf(unverifiable);
    finishSql = List.copyOf(finishSql);
    undoSql = List.copyOf(undoSql);
  }
}
