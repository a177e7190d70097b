package io.driftwatch.core;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.TableRows;
import io.driftwatch.core.history.ContractState;
import io.driftwatch.core.history.HistoryOwnership;
import io.driftwatch.core.history.HistoryRow;
import io.driftwatch.core.prisma.PrismaStatus.DatasourceLine;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a watched database holds, read in one read-only session before the engine runs.
 *
 * @param provider the Prisma provider name of the database ({@code postgresql}, {@code mysql})
 * @param historyTableExists whether {@code _prisma_migrations} exists in the connection's schema
 * @param schemaHasTables whether that schema holds any other table (decides P3005)
 * @param deployLockHeld whether a deploy holds Prisma's advisory lock right now
 * @param catalog what the database's user schemas hold, read in the same session; empty when not
 *     read
 * @param rowEstimates rows per table as PostgreSQL estimates them ({@code reltuples}; -1: never
 *     analyzed)
 * @param contract Prisma 8's marker and ledger, when the database carries them (read in the same
 *     session)
 */
public record TargetSnapshot(
    String provider,
    boolean historyTableExists,
    boolean schemaHasTables,
    List<HistoryRow> rows,
    boolean deployLockHeld,
    DatasourceLine datasource,
    Optional<Catalog> catalog,
    TableRows rowEstimates,
    Optional<ContractState> contract) {

  public TargetSnapshot {
    rows = List.copyOf(rows);
    Objects.requireNonNull(rowEstimates, "rowEstimates");
    Objects.requireNonNull(contract, "contract");
  }

  public TargetSnapshot(
      String provider,
      boolean historyTableExists,
      boolean schemaHasTables,
      List<HistoryRow> rows,
      boolean deployLockHeld,
      DatasourceLine datasource,
      Optional<Catalog> catalog,
      TableRows rowEstimates) {
    this(
        provider,
        historyTableExists,
        schemaHasTables,
        rows,
        deployLockHeld,
        datasource,
        catalog,
        rowEstimates,
        Optional.empty());
  }

  /** Which system keeps this database's history: Prisma Migrate, Prisma 8, or both. */
  public HistoryOwnership ownership() {
    return HistoryOwnership.of(contract, historyTableExists, rows);
  }

  public TargetSnapshot(
      String provider,
      boolean historyTableExists,
      boolean schemaHasTables,
      List<HistoryRow> rows,
      boolean deployLockHeld,
      DatasourceLine datasource,
      Optional<Catalog> catalog) {
    this(
        provider,
        historyTableExists,
        schemaHasTables,
        rows,
        deployLockHeld,
        datasource,
        catalog,
        TableRows.NONE);
  }

  public TargetSnapshot(
      String provider,
      boolean historyTableExists,
      boolean schemaHasTables,
      List<HistoryRow> rows,
      boolean deployLockHeld,
      DatasourceLine datasource) {
    this(
        provider,
        historyTableExists,
        schemaHasTables,
        rows,
        deployLockHeld,
        datasource,
        Optional.empty());
  }
}
