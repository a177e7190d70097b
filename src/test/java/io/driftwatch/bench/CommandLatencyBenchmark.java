package io.driftwatch.bench;

import io.driftwatch.testing.AppliedRows;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.TargetDatabase;
import io.driftwatch.testing.TestPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Prints the wall-clock time of {@code driftwatch check --database-url …} as a pipeline runs it: a
 * new JVM each time ({@code java -jar target/quarkus-app/quarkus-run.jar check}), JVM start
 * included, on a 163-migration history in step with its folder on the local PostgreSQL (target:
 * under 2 s; without a shadow server, and with one beside it). Not part of the test suite; needs
 * the package: {@code mvn package -DskipTests && mvn test -Dtest=CommandLatencyBenchmark}.
 */
class CommandLatencyBenchmark {

  static final int MIGRATIONS = 163;
  static final int RUNS = 9;

  @Test
  void local_check_of_163_migrations_jvm_start_included() throws Exception {
    Path jar = Path.of("target", "quarkus-app", "quarkus-run.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException("no " + jar + ": run mvn package -DskipTests first");
    }
    try (TargetDatabase target = TargetDatabase.create().managedByPrisma();
        PrismaFolder folder = PrismaFolder.create()) {
      StringBuilder models =
          new StringBuilder("datasource db {\n  provider = \"postgresql\"\n}\n\n");
      AppliedRows rows = new AppliedRows(MIGRATIONS);
      StringBuilder ddl = new StringBuilder();
      for (int i = 0; i < MIGRATIONS; i++) {
        String name = String.format("%014d_change_%d", 20200101000000L + i * 100L, i);
        String sql =
            "-- CreateTable\nCREATE TABLE \"T"
                + i
                + "\" (\n    \"id\" TEXT NOT NULL,\n    \"name\" TEXT,\n"
                + "    \"createdAt\" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,\n\n"
                + "    CONSTRAINT \"T"
                + i
                + "_pkey\" PRIMARY KEY (\"id\")\n);\n";
        folder.migration(name, sql);
        ddl.append(sql);
        models
            .append("model T")
            .append(i)
            .append(" {\n  id        String   @id\n  name      String?\n")
            .append("  createdAt DateTime @default(now())\n}\n\n");
        rows.add(name, sql);
      }
      Files.writeString(folder.root().resolve("schema.prisma"), models);
      target.sql(ddl.toString()).sql(rows.sql());
      String shadow = TestPostgres.server().prismaUrl("postgres", "public");

      List<String> base =
          List.of(
              "java",
              "-jar",
              jar.toString(),
              "check",
              "--database-url",
              target.prismaUrl(),
              "--dir",
              folder.path());
      double[] alone = time(base);
      List<String> withShadow = new ArrayList<>(base);
      withShadow.addAll(List.of("--shadow-url", shadow));
      double[] replayed = time(withShadow);

      System.out.printf(
          "driftwatch check, %d migrations, new JVM each run (%d runs, %d cores):%n"
              + "  no shadow server:  p50 %.0f ms, best %.0f ms, worst %.0f ms (target < 2000 ms)%n"
              + "  with a shadow replay (drift measured): p50 %.0f ms, best %.0f ms%n",
          MIGRATIONS,
          RUNS,
          Runtime.getRuntime().availableProcessors(),
          alone[RUNS / 2],
          alone[0],
          alone[RUNS - 1],
          replayed[RUNS / 2],
          replayed[0]);
    }
  }

  /** Wall-clock milliseconds of each run, sorted; each run must pass (exit 0). */
  private static double[] time(List<String> command) throws IOException, InterruptedException {
    double[] millis = new double[RUNS];
    for (int i = 0; i < RUNS; i++) {
      long start = System.nanoTime();
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("the check did not end within 60 s");
      }
      millis[i] = (System.nanoTime() - start) / 1e6;
      if (process.exitValue() != 0) {
        throw new IllegalStateException("the check exited " + process.exitValue());
      }
    }
    Arrays.sort(millis);
    return millis;
  }
}
