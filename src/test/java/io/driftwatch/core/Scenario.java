package io.driftwatch.core;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.TableRows;
import io.driftwatch.core.engine.AuditEngine;
import io.driftwatch.core.evidence.HistoryEvidence;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.history.ContractState;
import io.driftwatch.core.history.FolderMigration;
import io.driftwatch.core.history.HistoryRow;
import io.driftwatch.core.history.MigrationScript;
import io.driftwatch.core.prisma.PrismaStatus.DatasourceLine;
import io.driftwatch.core.prisma.ProjectPaths;
import io.driftwatch.core.prisma.SourceLayout;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;

/**
 * A migrations folder plus a history table written exactly as the Prisma commands write it
 * (semantics, section 1), for engine tests. Each command method advances a fake clock.
 */
public final class Scenario {

  private final Map<String, FolderMigration> folder = new LinkedHashMap<>();
  private final List<HistoryRow> rows = new ArrayList<>();
  private TableRows rowEstimates = TableRows.NONE;
  private Instant clock = Instant.parse("2025-01-01T00:00:00Z");
  private boolean tableExists = true;
  private boolean schemaHasTables = true;
  private boolean deployLockHeld;
  private Optional<String> lockProvider = Optional.of("postgresql");
  private HistoryEvidence evidence = HistoryEvidence.NONE;
  private ProjectPaths paths = ProjectPaths.DEFAULT;
  private final SortedMap<String, String> schemaFiles = new TreeMap<>();

  private Optional<Catalog> liveCatalog = Optional.empty();
  private Optional<ContractState> contract = Optional.empty();
  private SourceLayout layout;
  private Optional<SchemaInput> schemaInput = Optional.empty();
  private boolean mysql;

  public static Scenario create() {
    return new Scenario();
  }

  /**
   * A MySQL database (Prisma's {@code mysql} provider: MySQL or MariaDB), database {@code app}, its
   * lock file saying so.
   */
  public static Scenario mysql() {
    Scenario scenario = new Scenario();
    scenario.mysql = true;
    scenario.lockProvider = Optional.of("mysql");
    return scenario;
  }

  /** A folder migration whose script is {@code CREATE TABLE "<name>" ();}. */
  public Scenario migration(String name) {
    return migration(
        name, "-- CreateTable\nCREATE TABLE \"" + name + "\" (\"id\" TEXT NOT NULL);\n");
  }

  public Scenario migration(String name, String sql) {
    folder.put(name, FolderMigration.withScript(name, MigrationScript.of(sql)));
    return this;
  }

  public Scenario migrationBytes(String name, byte[] sql) {
    folder.put(name, FolderMigration.withScript(name, MigrationScript.fromBytes(sql)));
    return this;
  }

  public Scenario unreadable(String name, String reason) {
    folder.put(name, FolderMigration.unreadable(name, reason));
    return this;
  }

  public Scenario emptyDirectory(String name) {
    folder.put(name, FolderMigration.withoutScript(name));
    return this;
  }

  /** Removes a directory from the folder (the rows stay): makes a phantom. */
  public Scenario deleteDirectory(String name) {
    folder.remove(name);
    return this;
  }

  /** {@code migrate deploy} applying the folder's current script successfully. */
  public Scenario deployed(String name) {
    return deployedWithChecksum(name, checksumOf(name));
  }

  /** {@code migrate deploy} applying a script that differs from what the folder holds today. */
  public Scenario deployedScript(String name, String sqlAsApplied) {
    return deployedWithChecksum(name, MigrationScript.of(sqlAsApplied).checksum());
  }

  public Scenario deployedWithChecksum(String name, String checksum) {
    Instant started = tick();
    Instant finished = started.plusMillis(37);
    rows.add(
        new HistoryRow(
            UUID.randomUUID().toString(), checksum, finished, name, null, null, started, 1));
    return this;
  }

  /** {@code migrate deploy} failing on this migration: logs hold the database error. */
  public Scenario failed(String name, String logs) {
    return failedWithChecksum(name, checksumOf(name), logs);
  }

  public Scenario failedWithChecksum(String name, String checksum, String logs) {
    rows.add(
        new HistoryRow(UUID.randomUUID().toString(), checksum, null, name, logs, null, tick(), 0));
    return this;
  }

  /** {@code migrate resolve --rolled-back}: marks the name's unfinished rows. */
  public Scenario resolvedRolledBack(String name) {
    Instant now = tick();
    rows.replaceAll(
        row ->
            row.migrationName().equals(name)
                    && row.finishedAt() == null
                    && row.rolledBackAt() == null
                ? new HistoryRow(
                    row.id(),
                    row.checksum(),
                    null,
                    name,
                    row.logs(),
                    now,
                    row.startedAt(),
                    row.appliedStepsCount())
                : row);
    return this;
  }

  /** {@code migrate resolve --applied}: rolls back failed rows, inserts a marked row. */
  public Scenario resolvedApplied(String name) {
    resolvedRolledBack(name);
    Instant now = tick();
    rows.add(
        new HistoryRow(
            UUID.randomUUID().toString(), checksumOf(name), now, name, "", null, now, 0));
    return this;
  }

  public Scenario row(HistoryRow row) {
    rows.add(row);
    return this;
  }

  public Scenario noHistoryTable(boolean schemaHasTables) {
    this.tableExists = false;
    this.schemaHasTables = schemaHasTables;
    rows.clear();
    return this;
  }

  public Scenario deployLockHeld() {
    this.deployLockHeld = true;
    return this;
  }

  public Scenario lockProvider(String provider) {
    this.lockProvider = Optional.ofNullable(provider);
    return this;
  }

  /** What version control says, as a git source's adapter would have gathered it. */
  public Scenario evidence(HistoryEvidence evidence) {
    this.evidence = evidence;
    return this;
  }

  /** The live database's catalog, as read with the history. */
  public Scenario liveCatalog(Catalog catalog) {
    this.liveCatalog = Optional.of(catalog);
    return this;
  }

  /** The rows per table the database's statistics estimate. */
  public Scenario rowEstimates(TableRows estimates) {
    this.rowEstimates = estimates;
    return this;
  }

  /** The inputs of the schema checks: the shadow replays. */
  public Scenario schemaInput(SchemaInput input) {
    this.schemaInput = Optional.of(input);
    return this;
  }

  /** A file of the source's Prisma schema, by its path relative to the schema's location. */
  public Scenario schemaFile(String name, String text) {
    schemaFiles.put(name, text);
    return this;
  }

  /** Where the source keeps its migrations and schema in its repository. */
  /** Prisma 8's marker and ledger in the database. */
  public Scenario contract(ContractState state) {
    this.contract = Optional.of(state);
    return this;
  }

  /** When the last history row so far started: a time to set Prisma 8's hand-over after. */
  public Instant now() {
    return clock;
  }

  /** How the source's project is laid out (its config, a Prisma 8 folder). */
  public Scenario layout(SourceLayout sourceLayout) {
    this.layout = sourceLayout;
    return this;
  }

  public Scenario paths(ProjectPaths where) {
    this.paths = where;
    return this;
  }

  public AuditInput input() {
    return new AuditInput(
        new SourceSnapshot(
            List.copyOf(folder.values()),
            lockProvider,
            Optional.empty(),
            schemaFiles,
            Optional.empty(),
            SourceSnapshot.DEFAULT_SCHEMA_PLACES,
            paths,
            layout == null ? SourceLayout.defaults(paths) : layout),
        new TargetSnapshot(
            mysql ? "mysql" : "postgresql",
            tableExists,
            schemaHasTables,
            List.copyOf(rows),
            deployLockHeld,
            mysql
                ? new DatasourceLine("MySQL", "app", "app", "localhost:3306")
                : new DatasourceLine("PostgreSQL", "app", "public", "localhost:5432"),
            liveCatalog,
            rowEstimates,
            contract),
        evidence,
        schemaInput);
  }

  public AuditResult audit() {
    return new AuditEngine().audit(input());
  }

  public AuditContext context() {
    AuditResult result = audit();
    return new AuditContext(
        result.history(),
        input().source(),
        input().target(),
        result.prismaDiagnosis(),
        evidence,
        schemaInput);
  }

  public List<String> findingNames() {
    return audit().findings().stream().map(Finding::name).toList();
  }

  private String checksumOf(String name) {
    FolderMigration migration = folder.get(name);
    if (migration == null || migration.script().isEmpty()) {
      return MigrationScript.of("-- " + name + " as it was applied\n").checksum();
    }
    return migration.script().get().checksum();
  }

  private Instant tick() {
    clock = clock.plus(Duration.ofMinutes(1));
    return clock;
  }
}
