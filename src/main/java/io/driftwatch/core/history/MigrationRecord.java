package io.driftwatch.core.history;

import io.driftwatch.core.history.HistoryRow.RowState;
import java.util.List;
import java.util.Optional;

/**
 * One migration seen from both sides: its folder directory (absent for a phantom) joined with all
 * of its {@code _prisma_migrations} rows, oldest first.
 *
 * @param position index in the CLI order of folder migrations; phantoms come after, in the order
 *     they first started
 */
public record MigrationRecord(
    String name, Optional<FolderMigration> folder, List<HistoryRow> rows, int position) {

  public MigrationRecord {
    rows = List.copyOf(rows);
  }

  public MigrationState state(boolean deployLockHeld) {
    if (folder.isEmpty()) {
      return MigrationState.PHANTOM;
    }
    if (rows.isEmpty()) {
      return MigrationState.PENDING;
    }
    if (hasRow(RowState.UNFINISHED)) {
      return deployLockHeld ? MigrationState.APPLYING : MigrationState.FAILED;
    }
    return hasRow(RowState.FINISHED) ? MigrationState.APPLIED : MigrationState.ROLLED_BACK;
  }

  public Optional<MigrationScript> script() {
    return folder.flatMap(FolderMigration::script);
  }

  /** The newest finished row that is not rolled back: the one that makes the migration applied. */
  public Optional<HistoryRow> appliedRow() {
    for (int i = rows.size() - 1; i >= 0; i--) {
      if (rows.get(i).state() == RowState.FINISHED) {
        return Optional.of(rows.get(i));
      }
    }
    return Optional.empty();
  }

  /** The row that counts: the applied one, else the newest. */
  public Optional<HistoryRow> effectiveRow() {
    return appliedRow()
        .or(() -> rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(rows.size() - 1)));
  }

  /** The row Prisma compares checksums against: the oldest, whatever its state (issue #16927). */
  public Optional<HistoryRow> oldestRow() {
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.get(0));
  }

  public List<HistoryRow> unfinishedRows() {
    return rows.stream().filter(row -> row.state() == RowState.UNFINISHED).toList();
  }

  /**
   * Whether the script in the folder today is the one the effective row recorded; empty when there
   * is nothing to compare (no row, or no script).
   */
  public Optional<Boolean> checksumMatches() {
    Optional<MigrationScript> script = script();
    Optional<HistoryRow> row = effectiveRow();
    if (script.isEmpty() || row.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(script.get().matches(row.get().checksum()));
  }

  public Optional<AppliedBy> appliedBy() {
    return appliedRow()
        .map(row -> row.markedApplied() ? AppliedBy.RESOLVE_APPLIED : AppliedBy.DEPLOY);
  }

  private boolean hasRow(RowState state) {
    for (HistoryRow row : rows) {
      if (row.state() == state) {
        return true;
      }
    }
    return false;
  }
}
