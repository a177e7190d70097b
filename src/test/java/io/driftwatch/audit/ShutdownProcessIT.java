package io.driftwatch.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.testing.Checksums;
import io.driftwatch.testing.PackagedService;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.TargetDatabase;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * SIGTERM to the packaged service while an audit replays a migration that never ends: the audit is
 * stored as ERROR "interrupted by shutdown", the waiting request gets it, the lease is freed and
 * the process exits soon after the grace. Runs on the package, in {@code mvn verify} (alone: {@code
 * mvn verify -Dtest=none -Dit.test=ShutdownProcessIT}).
 */
class ShutdownProcessIT {

  private static final int GRACE_SECONDS = 3;
  private static final String SLEEPER = "20240101000000_sleeper";
  private static final String SLEEPER_SQL = "SELECT pg_sleep(600.75);\n";

  @Test
  void sigterm_stores_the_audit_in_flight_as_interrupted_and_frees_its_lease() throws Exception {
    try (PackagedService service =
            PackagedService.start(
                List.of(),
                Map.of("DRIFTWATCH_AUDIT_SHUTDOWN_GRACE", GRACE_SECONDS + "s"),
                Path.of("target", "shutdown-process.log"));
        TargetDatabase target = TargetDatabase.create().managedByPrisma();
        PrismaFolder folder = PrismaFolder.create().migration(SLEEPER, SLEEPER_SQL)) {
      target.row(SLEEPER, Checksums.of(SLEEPER_SQL), true);
      String environment = "sigterm-" + service.port();
      service
          .request()
          .contentType(ContentType.JSON)
          .body(
              Map.of(
                  "name",
                  environment,
                  "tier",
                  "production",
                  "databaseUrl",
                  target.prismaUrl(),
                  "source",
                  Map.of("type", "path", "path", folder.path())))
          .post("/api/v1/environments")
          .then()
          .statusCode(201);
      CompletableFuture<Response> audit =
          CompletableFuture.supplyAsync(
              () ->
                  service
                      .request()
                      .post("/api/v1/environments/" + environment + "/audits")
                      .then()
                      .extract()
                      .response());
      awaitLease(service);

      long terminated = System.nanoTime();
      service.process().destroy(); // SIGTERM

      Response answer = audit.get(GRACE_SECONDS + 30, TimeUnit.SECONDS);
      assertThat(service.process().waitFor(GRACE_SECONDS + 30, TimeUnit.SECONDS))
          .as("the process exits")
          .isTrue();
      double seconds = (System.nanoTime() - terminated) / 1e9;
      answer.then().statusCode(201);
      assertThat(answer.jsonPath().getString("outcome")).isEqualTo("ERROR");
      assertThat(answer.jsonPath().getString("error.message"))
          .startsWith(
              "interrupted by shutdown while replaying the migrations on the shadow server");
      assertThat(count(service, "SELECT count(*) FROM audit WHERE outcome = 'ERROR'")).isEqualTo(1);
      assertThat(count(service, "SELECT count(*) FROM audit_lease"))
          .as("the lease is freed")
          .isZero();
      assertThat(seconds)
          .as("the grace, then the ERROR stored and the shutdown")
          .isLessThan(GRACE_SECONDS + 30);
      System.out.printf("SIGTERM to exit: %.1f s with a grace of %d s%n", seconds, GRACE_SECONDS);
    }
  }

  private static void awaitLease(PackagedService service) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (count(service, "SELECT count(*) FROM audit_lease") == 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the audit took no lease within 30 s");
      }
      Thread.sleep(100);
    }
  }

  private static int count(PackagedService service, String sql) throws Exception {
    try (Connection connection = service.server().connect(service.store());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      rows.next();
      return rows.getInt(1);
    }
  }
}
