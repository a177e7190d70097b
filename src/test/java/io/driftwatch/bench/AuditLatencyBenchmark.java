package io.driftwatch.bench;

import static io.restassured.RestAssured.given;

import io.driftwatch.database.DatabaseDialects;
import io.driftwatch.database.PrismaDatabaseUrl;
import io.driftwatch.testing.AdminTokenByDefault;
import io.driftwatch.testing.AppliedRows;
import io.driftwatch.testing.MySqlTargetDatabase;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Prints the latency of {@code POST /api/v1/environments/{name}/audits} for an environment of 1,000
 * migrations (1,000 tables) on the local PostgreSQL, warm, drift and coverage included (the replay
 * kept from the first audit), and on the local MariaDB, timed with a plain HTTP client (target: p50
 * at most 100 ms). Not part of the test suite: {@code mvn test -Dtest=AuditLatencyBenchmark}.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class AuditLatencyBenchmark {

  @Inject DatabaseDialects dialects;

  static final int MIGRATIONS = 1_000;

  @Test
  void rest_audit_latency_for_a_thousand_migrations() {
    try (TargetDatabase target = TargetDatabase.create().managedByPrisma();
        PrismaFolder folder = PrismaFolder.create()) {
      StringBuilder schema = new StringBuilder();
      AppliedRows rows = new AppliedRows(MIGRATIONS);
      for (int i = 0; i < MIGRATIONS; i++) {
        String name = String.format("%014d_change_%d", 20200101000000L + i * 100L, i);
        String sql =
            "-- CreateTable\nCREATE TABLE \"t"
                + i
                + "\" (\n    \"id\" TEXT NOT NULL,\n\n    CONSTRAINT \"t"
                + i
                + "_pkey\" PRIMARY KEY (\"id\")\n);\n";
        folder.migration(name, sql);
        schema.append(sql);
        rows.add(name, sql);
      }
      target
          .sql(schema.toString())
          .sql(rows.sql()); // the migrations ran: no drift, only the history
      measure("local PostgreSQL", "bench-latency", target.prismaUrl(), folder);
    }
  }

  /**
   * The same history on the local MariaDB (MySQL where DRIFTWATCH_TEST_MYSQL_URL names one), its
   * migrations as Prisma writes them for MySQL. Drift is not compared there yet (no MySQL replay):
   * the figure is the history, the catalog read from information_schema and the judgement.
   */
  @Test
  void rest_audit_latency_for_a_thousand_migrations_on_mariadb() {
    try (MySqlTargetDatabase target = MySqlTargetDatabase.create().managedByPrisma();
        PrismaFolder folder = PrismaFolder.create().lockProvider("mysql")) {
      StringBuilder schema = new StringBuilder();
      AppliedRows rows = AppliedRows.mysql(MIGRATIONS);
      for (int i = 0; i < MIGRATIONS; i++) {
        String name = String.format("%014d_change_%d", 20200101000000L + i * 100L, i);
        String sql =
            "-- CreateTable\nCREATE TABLE `t"
                + i
                + "` (\n    `id` VARCHAR(191) NOT NULL,\n\n    PRIMARY KEY (`id`)\n)"
                + " DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;\n";
        folder.migration(name, sql);
        schema.append(sql);
        rows.add(name, sql);
      }
      target.sql(schema.toString()).sql(rows.sql());
      // The database's share: the history, lock probe, catalog and estimates in one read.
      PrismaDatabaseUrl url = dialects.parse(target.prismaUrl());
      UUID id = UUID.randomUUID();
      long[] reads = new long[50];
      for (int i = -10; i < reads.length; i++) {
        long start = System.nanoTime();
        dialects.read(id, url).await().atMost(Duration.ofSeconds(30));
        if (i >= 0) {
          reads[i] = System.nanoTime() - start;
        }
      }
      Arrays.sort(reads);
      System.out.printf(
          "%nMARIADB TARGET READ: %,d tables, history and catalog: p50 %.1f ms, p95 %.1f ms%n",
          MIGRATIONS, reads[reads.length / 2] / 1e6, reads[reads.length * 95 / 100] / 1e6);
      measure(
          (target.server().mariaDb() ? "local MariaDB" : "MySQL"),
          "bench-latency-mariadb",
          target.prismaUrl(),
          folder);
    }
  }

  private static void measure(
      String server, String environment, String databaseUrl, PrismaFolder folder) {
    given()
        .contentType(ContentType.JSON)
        .body(
            """
        {"name": "%s", "tier": "production", "databaseUrl": "%s", "source": {"type": "path", "path": "%s"}}
        """
                .formatted(environment, databaseUrl, folder.path()))
        .post("/api/v1/environments")
        .then()
        .statusCode(201);

    for (int i = 0; i < 50; i++) {
      audit(environment);
    }
    int runs = 200;
    long[] nanos = new long[runs];
    int bytes = 0;
    for (int i = 0; i < runs; i++) {
      long start = System.nanoTime();
      bytes = audit(environment);
      nanos[i] = System.nanoTime() - start;
    }
    Arrays.sort(nanos);
    System.out.printf(
        "%nREST AUDIT BENCHMARK: %,d migrations and rows on %s, response %,d bytes%n",
        MIGRATIONS, server, bytes);
    System.out.printf(
        "  POST /audits over %d warm runs: p50 %.1f ms, p95 %.1f ms, max %.1f ms (target p50 <= 100 ms)%n%n",
        runs, nanos[runs / 2] / 1e6, nanos[runs * 95 / 100] / 1e6, nanos[runs - 1] / 1e6);
    given().delete("/api/v1/environments/" + environment).then().statusCode(204);
  }

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  /**
   * One audit through a plain HTTP client, as curl or a CI job would call it: REST Assured parses
   * and escapes the 470 KB response on the way, in this JVM, and that client work had been counted
   * in the figure.
   */
  private static int audit(String environment) {
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create(
                    "http://localhost:"
                        + RestAssured.port
                        + "/api/v1/environments/"
                        + environment
                        + "/audits"))
            .header("Authorization", "Bearer " + AdminTokenByDefault.ADMIN_TOKEN)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build();
    try {
      HttpResponse<byte[]> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
      if (response.statusCode() != 201) {
        throw new IllegalStateException("the audit answered " + response.statusCode());
      }
      return response.body().length;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
