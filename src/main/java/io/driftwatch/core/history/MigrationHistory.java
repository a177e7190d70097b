package io.driftwatch.core.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The folder joined with the history table: one {@link MigrationRecord} per migration name, folder
 * migrations in the CLI's order first, then phantoms in the order they first started.
 */
public final class MigrationHistory {

  private final List<MigrationRecord> records;
  private final List<String> folderOrder;
  private final boolean deployLockHeld;
  private final HistoryState state;
  private final Optional<String> lastCommonMigration;
  private final List<MigrationRecord> deployQueue;
  private final List<MigrationRecord> afterResolution;

  private MigrationHistory(
      List<MigrationRecord> records,
      List<String> folderOrder,
      boolean tableExists,
      boolean schemaHasTables,
      boolean deployLockHeld) {
    this.records = List.copyOf(records);
    this.folderOrder = folderOrder;
    this.deployLockHeld = deployLockHeld;
    this.state = classify(tableExists, schemaHasTables);
    this.lastCommonMigration = findLastCommonMigration();
    this.deployQueue =
        this.records.stream().filter(record -> stateOf(record).deployWillApply()).toList();
    this.afterResolution =
        this.records.stream()
            .filter(
                record ->
                    stateOf(record).deployWillApply() || stateOf(record) == MigrationState.FAILED)
            .toList();
  }

  /**
   * Joins both sides.
   *
   * @param rows every row of {@code _prisma_migrations}; sorted here by started_at (stable)
   */
  public static MigrationHistory join(
      List<FolderMigration> folder,
      List<HistoryRow> rows,
      boolean tableExists,
      boolean schemaHasTables,
      boolean deployLockHeld) {
    Map<String, FolderMigration> byName = new HashMap<>(folder.size() * 2);
    for (FolderMigration migration : folder) {
      byName.put(migration.name(), migration);
    }
    List<String> order = MigrationOrder.sortCli(byName.keySet());

    List<HistoryRow> sortedRows = new ArrayList<>(rows);
    sortedRows.sort(Comparator.comparing(HistoryRow::startedAt));
    Map<String, List<HistoryRow>> rowsByName = new LinkedHashMap<>(sortedRows.size() * 2);
    for (HistoryRow row : sortedRows) {
      rowsByName.computeIfAbsent(row.migrationName(), name -> new ArrayList<>(1)).add(row);
    }

    List<MigrationRecord> records = new ArrayList<>(order.size() + 8);
    for (String name : order) {
      List<HistoryRow> own = rowsByName.getOrDefault(name, List.of());
      records.add(new MigrationRecord(name, Optional.of(byName.get(name)), own, records.size()));
    }
    for (Map.Entry<String, List<HistoryRow>> entry : rowsByName.entrySet()) {
      if (!byName.containsKey(entry.getKey())) {
        records.add(
            new MigrationRecord(
                entry.getKey(), Optional.empty(), entry.getValue(), records.size()));
      }
    }
    return new MigrationHistory(records, order, tableExists, schemaHasTables, deployLockHeld);
  }

  public List<MigrationRecord> records() {
    return records;
  }

  /** Folder migration names in the CLI's order. */
  public List<String> folderOrder() {
    return folderOrder;
  }

  public boolean deployLockHeld() {
    return deployLockHeld;
  }

  public HistoryState state() {
    return state;
  }

  public MigrationState stateOf(MigrationRecord record) {
    return record.state(deployLockHeld);
  }

  /** The folder migration just before the first one deploy would run (Prisma's definition). */
  public Optional<String> lastCommonMigration() {
    return lastCommonMigration;
  }

  /**
   * The folder migrations the next {@code prisma migrate deploy} runs, in the order it runs them:
   * every folder migration without a row that is not rolled back, the never-applied ones and the
   * rolled-back ones alike (semantics, section 1). Everything that speaks of "pending" (the lint,
   * the pre-flight, the replay, the plan, the history rules) starts from this list.
   */
  public List<MigrationRecord> deployQueue() {
    return deployQueue;
  }

  /**
   * What runs once every failed migration is resolved as the plan resolves it unless its effects
   * are all there ({@code prisma migrate resolve --rolled-back}, then deploy): the failed
   * migrations and the deploy queue, in folder order. The lint and the shadow replay of the folder
   * check all of them: a failed script is run again too.
   */
  public List<MigrationRecord> afterResolution() {
    return afterResolution;
  }

  public List<MigrationRecord> inState(MigrationState wanted) {
    return records.stream().filter(record -> stateOf(record) == wanted).toList();
  }

  private HistoryState classify(boolean tableExists, boolean schemaHasTables) {
    if (!tableExists && schemaHasTables) {
      return HistoryState.NOT_MANAGED;
    }
    boolean databaseBehind = false;
    boolean folderBehind = false;
    for (MigrationRecord record : records) {
      MigrationState migrationState = stateOf(record);
      databaseBehind |= migrationState.deployWillApply();
      folderBehind |= migrationState == MigrationState.PHANTOM;
    }
    if (databaseBehind && folderBehind) {
      return HistoryState.DIVERGED;
    }
    if (databaseBehind) {
      return HistoryState.DATABASE_BEHIND;
    }
    return folderBehind ? HistoryState.FOLDER_BEHIND : HistoryState.IN_SYNC;
  }

  private Optional<String> findLastCommonMigration() {
    String previous = null;
    for (MigrationRecord record : records) {
      MigrationState migrationState = stateOf(record);
      if (!migrationState.inFolder() || migrationState.deployWillApply()) {
        break;
      }
      previous = record.name();
    }
    return Optional.ofNullable(previous);
  }
}
