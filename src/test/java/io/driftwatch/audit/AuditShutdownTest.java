package io.driftwatch.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.driftwatch.api.Environments;
import io.driftwatch.testing.Checksums;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.StoreSql;
import io.driftwatch.testing.TargetDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What SIGTERM does to the audits in flight, run in-process: the drain the shutdown observer runs
 * is called directly (a real shutdown would also stop this test's application). Its own profile,
 * since a drained application starts no audit again.
 */
@QuarkusTest
@TestProfile(AuditShutdownTest.Grace.class)
@WithTestResource(StoreDatabase.class)
class AuditShutdownTest {

  private static final int GRACE_SECONDS = 15;

  /** A grace the quick audit fits in; a timeout no audit here reaches. */
  public static class Grace implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "driftwatch.audit.shutdown-grace",
          GRACE_SECONDS + "s",
          "driftwatch.audit.timeout",
          "120s",
          "driftwatch.audit.lease-timeout",
          "3s");
    }
  }

  @Inject AuditsInFlight inFlight;

  private final List<AutoCloseable> created = new ArrayList<>();

  @AfterEach
  void cleanUp() throws Exception {
    for (AutoCloseable closeable : created) {
      closeable.close();
    }
  }

  @Test
  void
      a_shutdown_lets_audits_finish_within_the_grace_then_interrupts_the_rest_and_frees_their_leases()
          throws Exception {
    String quick = replaying("20240101000000_quick", "SELECT 1;\n");
    String stuck = replaying("20240101000000_stuck", "SELECT pg_sleep(600.5);\n");
    CompletableFuture<Response> finishing = CompletableFuture.supplyAsync(() -> post(quick));
    CompletableFuture<Response> interrupted = CompletableFuture.supplyAsync(() -> post(stuck));
    awaitInFlight(2);

    long start = System.nanoTime();
    AuditsInFlight.Drained drained = inFlight.drain(Duration.ofSeconds(GRACE_SECONDS));
    double seconds = (System.nanoTime() - start) / 1e9;

    assertThat(drained).isEqualTo(new AuditsInFlight.Drained(1, 1, 0));
    assertThat(seconds)
        .as("the grace, then the interrupted audit's ERROR stored")
        .isBetween(GRACE_SECONDS - 0.5, GRACE_SECONDS + 30.0);
    Response finished = finishing.get(10, TimeUnit.SECONDS);
    finished.then().statusCode(201);
    assertThat(finished.jsonPath().getString("outcome"))
        .as("finished within the grace")
        .isNotEqualTo("ERROR");
    Response cut = interrupted.get(10, TimeUnit.SECONDS);
    cut.then()
        .statusCode(201)
        .body("outcome", equalTo("ERROR"))
        .body("error.stage", equalTo("SHADOW"));
    assertThat(cut.jsonPath().getString("error.message"))
        .startsWith("interrupted by shutdown while replaying the migrations on the shadow server");
    given()
        .get("/api/v1/audits/" + cut.jsonPath().getString("id"))
        .then()
        .statusCode(200)
        .body("outcome", equalTo("ERROR"));
    assertThat(StoreSql.count("SELECT count(*) FROM audit_lease")).as("every lease freed").isZero();

    Response refused = post(quick);
    refused
        .then()
        .statusCode(503)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:driftwatch:problem:shutting-down"));
    assertThat(Integer.parseInt(refused.header("Retry-After"))).isPositive();
  }

  /**
   * An environment whose one applied migration, recorded but not run on the target, is replayed on
   * the shadow.
   */
  private String replaying(String migration, String sql) {
    TargetDatabase target = TargetDatabase.create().managedByPrisma();
    created.add(target);
    target.row(migration, Checksums.of(sql), true);
    PrismaFolder folder = PrismaFolder.create().migration(migration, sql);
    created.add(folder);
    return Environments.register(target, folder);
  }

  private static Response post(String environment) {
    return given()
        .post("/api/v1/environments/" + environment + "/audits")
        .then()
        .extract()
        .response();
  }

  private void awaitInFlight(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (inFlight.count() < count || StoreSql.count("SELECT count(*) FROM audit_lease") < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(inFlight.count() + " audits in flight, not " + count);
      }
      Thread.sleep(50);
    }
  }
}
