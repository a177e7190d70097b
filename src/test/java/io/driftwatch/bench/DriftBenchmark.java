package io.driftwatch.bench;

import static io.restassured.RestAssured.given;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.replay.ExpectedSchema;
import io.driftwatch.core.replay.ReplayPlan;
import io.driftwatch.core.replay.ReplayPlan.ReplayStep;
import io.driftwatch.database.postgres.PostgresCatalogReader;
import io.driftwatch.shadow.ExpectedSchemas;
import io.driftwatch.shadow.MySqlShadowReplayer;
import io.driftwatch.shadow.ShadowReplayer;
import io.driftwatch.shadow.ShadowServer;
import io.driftwatch.store.CatalogSnapshotRepository;
import io.driftwatch.testing.AppliedRows;
import io.driftwatch.testing.Checksums;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.driftwatch.testing.TestPostgres;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Prints what drift costs: a cold replay of a generated 800-migration, 100-table history; a kept
 * replay (the extra cost of an audit at an unchanged commit, target at most 30 ms); the live
 * introspection of those 100 tables; and the whole REST audit. Not part of the test suite: {@code
 * mvn test -Dtest=DriftBenchmark}.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class DriftBenchmark {

  static final int MIGRATIONS = 800;
  static final int TABLES = 100;
  static final Duration TIMEOUT = Duration.ofMinutes(5);

  @Inject ShadowReplayer replayer;

  @Inject MeterRegistry metrics;

  @Inject ExpectedSchemas expectedSchemas;

  @Inject PostgresCatalogReader catalogs;

  @Inject ShadowServer shadows;

  @Inject MySqlShadowReplayer mysqlReplayer;

  @Inject DriftwatchConfig config;

  @Inject CatalogSnapshotRepository store;

  @Inject ObjectMapper json;

  @Inject Vertx vertx;

  /**
   * Prisma-shaped migrations: 100 CREATE TABLEs with keys and indexes, then columns, indexes and
   * foreign keys.
   */
  static List<String> history() {
    List<String> scripts = new ArrayList<>();
    for (int i = 0; i < MIGRATIONS; i++) {
      int t = i % TABLES;
      String table = "\"T" + t + "\"";
      if (i < TABLES) {
        scripts.add(
            "-- CreateTable\nCREATE TABLE "
                + table
                + " (\n    \"id\" SERIAL NOT NULL,\n    \"name\" TEXT NOT NULL,\n"
                + "    \"createdAt\" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,\n\n    CONSTRAINT \"T"
                + t
                + "_pkey\" PRIMARY KEY (\"id\")\n);\n\n-- CreateIndex\nCREATE UNIQUE INDEX \"T"
                + t
                + "_name_key\" ON "
                + table
                + "(\"name\");\n");
      } else if (i % 3 == 0) {
        scripts.add(
            "-- AlterTable\nALTER TABLE "
                + table
                + " ADD COLUMN \"c"
                + i
                + "\" INTEGER;\n\n-- CreateIndex\n"
                + "CREATE INDEX \"T"
                + t
                + "_c"
                + i
                + "_idx\" ON "
                + table
                + "(\"c"
                + i
                + "\");\n");
      } else if (i % 3 == 1 && t > 0) {
        scripts.add(
            "-- AlterTable\nALTER TABLE "
                + table
                + " ADD COLUMN \"ref"
                + i
                + "\" INTEGER;\n\n-- AddForeignKey\n"
                + "ALTER TABLE "
                + table
                + " ADD CONSTRAINT \"T"
                + t
                + "_ref"
                + i
                + "_fkey\" FOREIGN KEY (\"ref"
                + i
                + "\") REFERENCES \"T"
                + (t - 1)
                + "\"(\"id\") ON DELETE SET NULL ON UPDATE CASCADE;\n");
      } else {
        scripts.add(
            "-- AlterTable\nALTER TABLE "
                + table
                + " ADD COLUMN \"note"
                + i
                + "\" VARCHAR("
                + (20 + i % 200)
                + ") DEFAULT 'n';\n");
      }
    }
    return scripts;
  }

  static String name(int i) {
    return String.format("%014d_step_%d", 20200101000000L + i * 100L, i);
  }

  @Test
  void drift_costs() throws Exception {
    List<String> scripts = history();
    List<ReplayStep> steps = new ArrayList<>();
    for (int i = 0; i < MIGRATIONS; i++) {
      steps.add(new ReplayStep(name(i), scripts.get(i), Checksums.of(scripts.get(i))));
    }
    ReplayPlan plan = new ReplayPlan(steps, "public");

    long[] cold = time(3, () -> replayer.replay(plan, Set.of()).await().atMost(TIMEOUT));
    ExpectedSchema replayed = replayer.replay(plan, Set.of()).await().atMost(TIMEOUT);
    Catalog catalog = replayed.catalog().orElseThrow();

    expectedSchemas.of(plan).await().atMost(TIMEOUT); // replays once and keeps it
    long[] kept = time(50, () -> expectedSchemas.of(plan).await().atMost(TIMEOUT));
    // After a restart the memory is empty: the catalog comes from the store, parsed from JSON.
    long[] stored =
        time(
            30,
            () ->
                new ExpectedSchemas(replayer, mysqlReplayer, config, shadows, store, json, metrics)
                    .of(plan)
                    .await()
                    .atMost(TIMEOUT));

    try (TargetDatabase target = TargetDatabase.create().managedByPrisma();
        PrismaFolder folder = PrismaFolder.create()) {
      for (int i = 0; i < MIGRATIONS; i++) {
        folder.migration(name(i), scripts.get(i));
      }
      target.sql(String.join("\n", scripts));
      AppliedRows rows = new AppliedRows(MIGRATIONS);
      for (int i = 0; i < MIGRATIONS; i++) {
        rows.add(name(i), scripts.get(i));
      }
      target.sql(rows.sql());

      TestPostgres.Server server = TestPostgres.server();
      PgConnectOptions options =
          new PgConnectOptions()
              .setHost(server.host())
              .setPort(server.port())
              .setDatabase(target.name())
              .setUser(server.user())
              .setPassword(server.password());
      PgConnection connection = PgConnection.connect(vertx, options).await().atMost(TIMEOUT);
      long[] live;
      try {
        live = time(50, () -> catalogs.read(connection, Set.of()).await().atMost(TIMEOUT));
      } finally {
        connection.closeAndAwait();
      }

      String environment = "bench-drift";
      given()
          .contentType(ContentType.JSON)
          .body(
              """
          {"name": "%s", "tier": "production", "databaseUrl": "%s", "source": {"type": "path", "path": "%s"}}
          """
                  .formatted(environment, target.prismaUrl(), folder.path()))
          .post("/api/v1/environments")
          .then()
          .statusCode(201);
      int driftObjects =
          given()
              .post("/api/v1/environments/" + environment + "/audits")
              .then()
              .statusCode(201)
              .extract()
              .path("drift.count");
      long[] audits =
          time(
              30,
              () ->
                  given()
                      .post("/api/v1/environments/" + environment + "/audits")
                      .then()
                      .statusCode(201));
      given().delete("/api/v1/environments/" + environment).then().statusCode(204);

      System.out.printf(
          "%nDRIFT BENCHMARK: %d migrations over %d tables (%d columns, %d indexes, %d foreign keys)%n",
          MIGRATIONS,
          catalog.tables().size(),
          catalog.tables().stream().mapToInt(t -> t.columns().size()).sum(),
          catalog.tables().stream().mapToInt(t -> t.indexes().size()).sum(),
          catalog.tables().stream().mapToInt(t -> t.foreignKeys().size()).sum());
      System.out.printf(
          "  cold replay on the shadow server (create, 800 scripts, read, drop): runs %s ms%n",
          Arrays.toString(
              Arrays.stream(cold).mapToObj(n -> String.format("%.0f", n / 1e6)).toArray()));
      System.out.printf(
          "  kept replay (the extra cost of an audit at an unchanged commit): from memory p50 %.1f ms, "
              + "p95 %.1f ms; from the store (after a restart) p50 %.1f ms, p95 %.1f ms (target <= 30 ms)%n",
          p(kept, 50), p(kept, 95), p(stored, 50), p(stored, 95));
      System.out.printf(
          "  live introspection of the %d tables: p50 %.1f ms, p95 %.1f ms%n",
          TABLES, p(live, 50), p(live, 95));
      System.out.printf(
          "  POST /audits with drift and coverage (%d drifted objects): p50 %.1f ms, p95 %.1f ms%n%n",
          driftObjects, p(audits, 50), p(audits, 95));
    }
  }

  private static long[] time(int runs, Supplier<Object> work) {
    long[] nanos = new long[runs];
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      work.get();
      nanos[i] = System.nanoTime() - start;
    }
    return nanos;
  }

  private static double p(long[] nanos, int percentile) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    return sorted[Math.min(sorted.length - 1, sorted.length * percentile / 100)] / 1e6;
  }
}
