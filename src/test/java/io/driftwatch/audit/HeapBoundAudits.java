package io.driftwatch.audit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.driftwatch.audit.report.AuditReport;
import io.driftwatch.audit.report.SourceInfo;
import io.driftwatch.audit.report.TargetInfo;
import io.driftwatch.core.AuditInput;
import io.driftwatch.core.AuditResult;
import io.driftwatch.core.SourceSnapshot;
import io.driftwatch.core.TargetSnapshot;
import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.Column;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.Table;
import io.driftwatch.core.catalog.TableRows;
import io.driftwatch.core.engine.AuditEngine;
import io.driftwatch.core.engine.Judgement;
import io.driftwatch.core.history.FolderMigration;
import io.driftwatch.core.history.HistoryRow;
import io.driftwatch.core.history.MigrationHistory;
import io.driftwatch.core.plan.ResolutionPlan;
import io.driftwatch.core.prisma.PrismaStatus.DatasourceLine;
import io.driftwatch.core.replay.ReplayPlan;
import io.driftwatch.source.PathMigrationSource;
import io.driftwatch.source.PathSourceSpec;
import io.driftwatch.source.ScriptMemory;
import io.driftwatch.source.SourceBounds;
import io.driftwatch.source.SourceUnavailableException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Run by {@link DocumentedHeapTest} in a JVM of the service's documented heap: audits migrations
 * folders the way the service does, from the read to the report's JSON, several at once, and prints
 * one line per audit. Everything an audit holds at once is held here too: the folder read within
 * the memory budget, both replay plans (kept while the shadow replays, each script decoded once as
 * it is sent), the judgement, the plan, the report and its JSON. The watched database is not read:
 * its history (every migration applied, or none) and a live catalog of one table are made up, as an
 * empty database would answer.
 *
 * <p>Arguments: {@code maxScriptBytes maxTotalBytes maxHeldBytes heldWaitSeconds ballastMiB
 * applied|pending folder...}; a negative {@code maxHeldBytes} is the service's default. The ballast
 * stands for what the running service holds besides its audits (its live heap after start-up and a
 * few audits, measured with {@code jcmd GC.heap_info}).
 */
public final class HeapBoundAudits {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

  private HeapBoundAudits() {}

  public static void main(String[] args) throws Exception {
    PathMigrationSource.Limits limits =
        new PathMigrationSource.Limits(Long.parseLong(args[0]), Long.parseLong(args[1]));
    long budget = Long.parseLong(args[2]);
    ScriptMemory memory =
        new ScriptMemory(
            budget < 0 ? ScriptMemory.defaultBudget() : budget,
            Duration.ofSeconds(Long.parseLong(args[3])));
    byte[] ballast = new byte[Integer.parseInt(args[4]) << 20];
    boolean applied = args[5].equals("applied");
    List<Path> folders = new ArrayList<>();
    for (int i = 6; i < args.length; i++) {
      folders.add(Path.of(args[i]).toAbsolutePath());
    }
    AuditEngine engine = new AuditEngine();
    ExecutorService threads =
        Executors.newFixedThreadPool(
            folders.size(),
            work -> {
              Thread thread = new Thread(work, "audit");
              thread.setDaemon(
                  true); // a failed audit ends the JVM with main's exception, not a hang
              return thread;
            });
    List<Future<String>> audits = new ArrayList<>();
    for (Path folder : folders) {
      audits.add(threads.submit(() -> audit(folder, limits, memory, engine, applied)));
    }
    for (Future<String> audit : audits) {
      System.out.println(audit.get(30, TimeUnit.MINUTES));
    }
    threads.shutdown();
    System.out.println("HELD AFTERWARDS " + memory.held() + " BALLAST " + ballast.length);
  }

  private static String audit(
      Path folder,
      PathMigrationSource.Limits limits,
      ScriptMemory memory,
      AuditEngine engine,
      boolean applied) {
    long start = System.nanoTime();
    SourceBounds bounds =
        new SourceBounds(
            List.of(folder.getParent()),
            folder.resolveSibling(".data"),
            folder.resolveSibling(".data/git"));
    try (PathMigrationSource source =
        new PathMigrationSource(
            new PathSourceSpec(folder.toString(), null, null), limits, bounds, memory)) {
      SourceSnapshot snapshot;
      try {
        snapshot = source.read();
      } catch (SourceUnavailableException refused) {
        return "REFUSED " + folder.getFileName() + ": " + refused.getMessage();
      }
      TargetSnapshot target = target(snapshot, applied);
      AuditInput input = new AuditInput(snapshot, target);
      MigrationHistory joined = engine.join(input);
      ReplayPlan replay = ReplayPlan.of(joined, "public");
      ReplayPlan folderReplay = ReplayPlan.ofFolder(joined, "public");
      long sent = 0;
      for (ReplayPlan.ReplayStep step : replay.steps()) {
        sent += step.sql().length(); // each script decoded once as the replay sends it
      }
      Judgement judgement = engine.judge(input, joined);
      AuditResult result = judgement.result();
      ResolutionPlan plan = judgement.plan();
      ReportBuilder.Header header =
          new ReportBuilder.Header(
              UUID.randomUUID(),
              folder.getFileName().toString(),
              "staging",
              Instant.now(),
              Instant.now());
      AuditReport report =
          ReportBuilder.completed(
              header,
              new SourceInfo(
                  "path", folder.toString(), snapshot.migrations().size(), null, null, null, null),
              new TargetInfo(
                  "postgresql://…", "postgresql", "public", true, false, target.rows().size()),
              result,
              plan);
      String json = JSON.writeValueAsString(report);
      return String.format(
          "AUDITED %s: %s, %d migrations, %d findings, %,d chars replayed of %d steps (%d for "
              + "coverage), %,d schema changes pre-flighted, plan of %,d verification queries, report %,d chars, %d ms",
          folder.getFileName(),
          result.outcome(),
          snapshot.migrations().size(),
          result.findings().size(),
          sent,
          replay.steps().size(),
          folderReplay.steps().size(),
          result.pending().effects().values().stream().mapToInt(List::size).sum(),
          plan.verification().size(),
          json.length(),
          (System.nanoTime() - start) / 1_000_000);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A database that applied every migration of the folder, or none of them, with one table of rows.
   */
  private static TargetSnapshot target(SourceSnapshot snapshot, boolean applied) {
    List<HistoryRow> rows = new ArrayList<>();
    Instant clock = Instant.parse("2025-01-01T00:00:00Z");
    for (FolderMigration migration : snapshot.migrations()) {
      if (applied && migration.script().isPresent()) {
        clock = clock.plusSeconds(60);
        rows.add(
            new HistoryRow(
                UUID.randomUUID().toString(),
                migration.script().get().checksum(),
                clock.plusMillis(40),
                migration.name(),
                null,
                null,
                clock,
                1));
      }
    }
    Table live =
        new Table(
            QualifiedName.of("public", "t"),
            List.of(Column.of("id", "integer", false)),
            Optional.empty(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Optional.empty(),
            Optional.empty());
    Catalog catalog =
        new Catalog(
            16, List.of("public"), List.of(live), List.of(), List.of(), List.of(), List.of());
    return new TargetSnapshot(
        "postgresql",
        true,
        true,
        rows,
        false,
        new DatasourceLine("PostgreSQL", "app", "public", "db:5432"),
        Optional.of(catalog),
        TableRows.of(Map.of("t", 50_000L)));
  }
}
