package io.driftwatch.core.prisma;

import io.driftwatch.core.history.HistoryRow;
import io.driftwatch.core.history.MigrationHistory;
import io.driftwatch.core.history.MigrationRecord;
import io.driftwatch.core.history.MigrationScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What Prisma's {@code diagnoseMigrationHistory} concludes, reproduced rule by rule (semantics,
 * section 4), blind spots included: it compares the OLDEST row of each name, lists one "not in
 * folder" entry per row, and knows nothing of phantoms being dangerous.
 *
 * @param missingScript the first folder migration that has a row but no script: status stops on it
 *     with P3015
 */
public record PrismaDiagnosis(
    boolean hasMigrationsTable,
    List<String> unappliedMigrationNames,
    List<String> unpersistedMigrationNames,
    List<String> editedMigrationNames,
    List<String> failedMigrationNames,
    Optional<Diagnostic> history,
    Optional<String> lastCommonMigrationName,
    Optional<String> missingScript) {

  /** Prisma's {@code HistoryDiagnostic} variants. */
  public enum Diagnostic {
    DATABASE_IS_BEHIND,
    MIGRATIONS_DIRECTORY_IS_BEHIND,
    HISTORIES_DIVERGE
  }

  public static PrismaDiagnosis of(MigrationHistory history, boolean hasMigrationsTable) {
    List<String> unapplied = new ArrayList<>();
    List<String> edited = new ArrayList<>();
    int firstUnappliedIndex = -1;
    String missingScript = null;
    List<String> folderOrder = history.folderOrder();
    List<MigrationRecord> records = history.records();
    for (int i = 0; i < folderOrder.size(); i++) {
      MigrationRecord record = records.get(i);
      Optional<HistoryRow> oldest = record.oldestRow();
      if (oldest.isEmpty()) {
        if (firstUnappliedIndex < 0) {
          firstUnappliedIndex = i;
        }
        unapplied.add(record.name());
        continue;
      }
      Optional<MigrationScript> script = record.script();
      if (record.folder().orElseThrow().unreadable().isPresent()) {
        continue; // Prisma can read it; driftwatch would not, so it cannot say what Prisma
        // concludes
      }
      if (script.isEmpty()) {
        if (missingScript == null) {
          missingScript = record.name();
        }
      } else if (!script.get().matches(oldest.get().checksum())) {
        edited.add(record.name());
      }
    }

    List<String> failed = new ArrayList<>();
    List<String> unpersisted = new ArrayList<>();
    for (MigrationRecord record : records) {
      boolean inFolder = record.folder().isPresent();
      for (HistoryRow row : record.rows()) {
        if (row.state() == HistoryRow.RowState.UNFINISHED) {
          failed.add(row.migrationName());
        }
        if (!inFolder) {
          unpersisted.add(row.migrationName());
        }
      }
    }

    Optional<Diagnostic> diagnostic;
    if (unapplied.isEmpty() && unpersisted.isEmpty()) {
      diagnostic = Optional.empty();
    } else if (unpersisted.isEmpty()) {
      diagnostic = Optional.of(Diagnostic.DATABASE_IS_BEHIND);
    } else if (unapplied.isEmpty()) {
      diagnostic = Optional.of(Diagnostic.MIGRATIONS_DIRECTORY_IS_BEHIND);
    } else {
      diagnostic = Optional.of(Diagnostic.HISTORIES_DIVERGE);
    }
    Optional<String> lastCommon =
        firstUnappliedIndex > 0
            ? Optional.of(folderOrder.get(firstUnappliedIndex - 1))
            : Optional.empty();
    return new PrismaDiagnosis(
        hasMigrationsTable,
        List.copyOf(unapplied),
        List.copyOf(unpersisted),
        List.copyOf(edited),
        List.copyOf(failed),
        diagnostic,
        lastCommon,
        Optional.ofNullable(missingScript));
  }
}
