package io.driftwatch.core.history;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of {@code _prisma_migrations}, exactly as Prisma wrote it. Several rows per migration
 * name are normal (a failed attempt, then a rolled-back mark, then a successful deploy).
 */
public record HistoryRow(
    String id,
    String checksum,
    Instant finishedAt,
    String migrationName,
    String logs,
    Instant rolledBackAt,
    Instant startedAt,
    int appliedStepsCount) {

  public HistoryRow {
    Objects.requireNonNull(migrationName, "migrationName");
    Objects.requireNonNull(startedAt, "startedAt");
  }

  /** What the row means to Prisma (semantics, section 1, "Row states"). */
  public RowState state() {
    if (rolledBackAt != null) {
      return RowState.ROLLED_BACK;
    }
    return finishedAt != null ? RowState.FINISHED : RowState.UNFINISHED;
  }

  /**
   * The fingerprint of {@code prisma migrate resolve --applied}: no step ran, empty logs, and the
   * row started and finished at the same instant. Nobody ran this migration's SQL.
   */
  public boolean markedApplied() {
    return appliedStepsCount == 0
        && "".equals(logs)
        && finishedAt != null
        && finishedAt.equals(startedAt);
  }

  public enum RowState {
    /** finished_at set, rolled_back_at NULL: applied. */
    FINISHED,
    /** Neither set: failed, or being applied right now while deploy holds its advisory lock. */
    UNFINISHED,
    /** rolled_back_at set: deploy ignores the row and will apply the migration again. */
    ROLLED_BACK
  }
}
