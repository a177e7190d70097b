package io.driftwatch.bench;

import io.driftwatch.core.AuditInput;
import io.driftwatch.core.AuditResult;
import io.driftwatch.core.SourceSnapshot;
import io.driftwatch.core.TargetSnapshot;
import io.driftwatch.core.engine.AuditEngine;
import io.driftwatch.core.history.FolderMigration;
import io.driftwatch.core.history.HistoryRow;
import io.driftwatch.core.history.MigrationScript;
import io.driftwatch.core.prisma.PrismaStatus.DatasourceLine;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Prints the engine's time over a generated history of 10,000 migrations (target: at most 20 ms).
 * Not part of the test suite: {@code mvn test -Dtest=EngineBenchmark}.
 */
class EngineBenchmark {

  static final int MIGRATIONS = 10_000;

  static AuditInput history(int size) {
    List<FolderMigration> folder = new ArrayList<>(size);
    List<HistoryRow> rows = new ArrayList<>(size + 16);
    Instant clock = Instant.parse("2020-01-01T00:00:00Z");
    for (int i = 0; i < size; i++) {
      String name = String.format("%014d_change_%d", 20200101000000L + i * 100L, i);
      String sql =
          "-- CreateTable\nCREATE TABLE \"t"
              + i
              + "\" (\n    \"id\" TEXT NOT NULL,\n    \"created_at\" TIMESTAMP(3)"
              + " NOT NULL DEFAULT CURRENT_TIMESTAMP,\n\n    CONSTRAINT \"t"
              + i
              + "_pkey\" PRIMARY KEY (\"id\")\n);\n";
      MigrationScript script = MigrationScript.of(sql);
      folder.add(FolderMigration.withScript(name, script));
      if (i >= size - 4) {
        continue; // pending
      }
      clock = clock.plusSeconds(60);
      String checksum =
          i % 3333 == 7 ? MigrationScript.of(sql + "-- edited\n").checksum() : script.checksum();
      boolean failed = i == size - 5;
      rows.add(
          new HistoryRow(
              UUID.randomUUID().toString(),
              checksum,
              failed ? null : clock.plusMillis(40),
              name,
              failed ? "ERROR: boom" : null,
              null,
              clock,
              failed ? 0 : 1));
    }
    for (int p = 0; p < 5; p++) {
      clock = clock.plusSeconds(60);
      rows.add(
          new HistoryRow(
              UUID.randomUUID().toString(),
              MigrationScript.of("SELECT " + p).checksum(),
              clock.plusMillis(10),
              "20991231000000_phantom_" + p,
              null,
              null,
              clock,
              1));
    }
    return new AuditInput(
        new SourceSnapshot(folder, Optional.of("postgresql")),
        new TargetSnapshot(
            "postgresql",
            true,
            true,
            rows,
            false,
            new DatasourceLine("PostgreSQL", "app", "public", "db:5432")));
  }

  @Test
  void engine_over_ten_thousand_migrations() {
    AuditInput input = history(MIGRATIONS);
    AuditEngine engine = new AuditEngine();
    AuditResult result = null;
    for (int i = 0; i < 100; i++) {
      result = engine.audit(input);
    }
    int runs = 300;
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      result = engine.audit(input);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf(
        "%nENGINE BENCHMARK: %,d migrations, %,d rows, %d findings, state %s%n",
        MIGRATIONS,
        input.target().rows().size(),
        result.findings().size(),
        result.history().state());
    System.out.printf(
        "  engine time over %d runs: min %.2f ms, p50 %.2f ms, p95 %.2f ms, max %.2f ms (target <= 20 ms)%n%n",
        runs,
        nanos[0] / 1e6,
        nanos[runs / 2] / 1e6,
        nanos[runs * 95 / 100] / 1e6,
        nanos[runs - 1] / 1e6);
  }
}
