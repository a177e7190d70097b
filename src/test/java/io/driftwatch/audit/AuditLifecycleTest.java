package io.driftwatch.audit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.api.Environments;
import io.driftwatch.testing.Checksums;
import io.driftwatch.testing.LeaseHolder;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.ServerSql;
import io.driftwatch.testing.ShortAuditLimits;
import io.driftwatch.testing.SilentListener;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.StoreSql;
import io.driftwatch.testing.TargetDatabase;
import io.driftwatch.testing.TestPostgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * No audit can hang or keep its lease: whatever hangs, an audit ends as ERROR within its timeout,
 * naming its stage; a running audit keeps its lease alive and says when it expires; the lease of an
 * owner that died is free within the lease timeout. With {@link ShortAuditLimits}: 12 s timeout (6
 * s of work), 3 s lease.
 */
@QuarkusTest
@TestProfile(ShortAuditLimits.class)
@WithTestResource(StoreDatabase.class)
class AuditLifecycleTest {

  /** An applied migration whose replay sleeps far longer than any timeout here. */
  private static final String SLEEPER = "20240101000000_sleeper";

  private static final String SLEEPER_SQL = "SELECT pg_sleep(600.25);\n";

  private final List<AutoCloseable> created = new ArrayList<>();

  @AfterEach
  void cleanUp() throws Exception {
    for (AutoCloseable closeable : created) {
      closeable.close();
    }
    created.clear();
  }

  @Test
  void a_replay_that_hangs_ends_the_audit_as_error_naming_the_shadow_stage_and_frees_the_lease()
      throws Exception {
    String environment = hangingOnReplay();

    long start = System.nanoTime();
    JsonPath audit = Environments.audit(environment);
    double seconds = (System.nanoTime() - start) / 1e9;

    assertThat(audit.getString("outcome")).isEqualTo("ERROR");
    assertThat(audit.getString("error.stage")).isEqualTo("SHADOW");
    assertThat(audit.getString("error.message"))
        .contains(
            "did not finish within "
                + ShortAuditLimits.TIMEOUT_SECONDS
                + " s (DRIFTWATCH_AUDIT_TIMEOUT)")
        .contains("replaying the migrations on the shadow server");
    assertThat(seconds)
        .as("answered within the timeout")
        .isLessThan(ShortAuditLimits.TIMEOUT_SECONDS + 3);
    assertThat(
            Duration.between(
                Instant.parse(audit.getString("startedAt")),
                Instant.parse(audit.getString("finishedAt"))))
        .as("stopped after its work bound")
        .isBetween(
            Duration.ofSeconds(ShortAuditLimits.WORK_SECONDS - 1),
            Duration.ofSeconds(ShortAuditLimits.TIMEOUT_SECONDS));
    given()
        .get("/api/v1/audits/" + audit.getString("id"))
        .then()
        .statusCode(200)
        .body("error.stage", Matchers.equalTo("SHADOW"));
    assertThat(leases(environment)).as("the lease is freed").isZero();
    awaitNoSleeperOnTheServer();
    assertThat(Environments.audit(environment).getString("error.stage"))
        .as("the next audit runs, and stops too")
        .isEqualTo("SHADOW");
  }

  @Test
  void a_database_that_never_answers_ends_the_audit_as_error_naming_the_database_stage()
      throws Exception {
    try (SilentListener silent = SilentListener.start()) {
      PrismaFolder folder =
          track(PrismaFolder.create().migration("20240101000000_init", "SELECT 1;\n"));
      String environment =
          Environments.register("postgresql://u:pw@127.0.0.1:" + silent.port() + "/app", folder);

      JsonPath audit = Environments.audit(environment);

      assertThat(audit.getString("outcome")).isEqualTo("ERROR");
      assertThat(audit.getString("error.stage")).isEqualTo("DATABASE");
      assertThat(audit.getString("error.message"))
          .contains("DRIFTWATCH_AUDIT_TIMEOUT")
          .contains("reading the database (the migrations folder was read)");
      assertThat(leases(environment)).isZero();
    }
  }

  @Test
  void
      a_store_that_stops_answering_while_the_audit_is_stored_ends_it_as_error_naming_the_storing_stage()
          throws Exception {
    String environment = cleanEnvironment();
    UUID id = StoreSql.environmentId(environment);
    CompletableFuture<Response> audit = CompletableFuture.supplyAsync(() -> post(environment));
    try (Connection store = StoreSql.connect()) {
      // The audit's last renewal before storing waits behind this row lock, as behind a store that
      // stopped answering.
      store.setAutoCommit(false);
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (!locked(store, id)) {
        assertThat(System.nanoTime()).as("the audit took its lease").isLessThan(deadline);
        Thread.sleep(10);
      }
      Response answer = audit.get(ShortAuditLimits.TIMEOUT_SECONDS + 5, TimeUnit.SECONDS);

      answer.then().statusCode(201);
      assertThat(answer.jsonPath().getString("outcome")).isEqualTo("ERROR");
      assertThat(answer.jsonPath().getString("error.stage")).isEqualTo("STORING");
      assertThat(answer.jsonPath().getString("error.message"))
          .endsWith("it was stopped while storing the audit");
      store.rollback();
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (leases(environment) > 0) {
      assertThat(System.nanoTime())
          .as("the lease freed once the store answers")
          .isLessThan(deadline);
      Thread.sleep(100);
    }
    assertThat(stored(environment)).as("one audit, the ERROR one").isEqualTo(1);
  }

  private static boolean locked(Connection store, UUID environmentId) throws SQLException {
    try (var lock =
        store.prepareStatement("SELECT 1 FROM audit_lease WHERE environment_id = ? FOR UPDATE")) {
      lock.setObject(1, environmentId);
      try (ResultSet rows = lock.executeQuery()) {
        return rows.next();
      }
    }
  }

  @Test
  void a_running_audit_renews_its_lease_and_the_409_says_when_it_expires() throws Exception {
    String environment = hangingOnReplay();
    CompletableFuture<Response> first = CompletableFuture.supplyAsync(() -> post(environment));
    awaitLease(environment);
    // Past the lease timeout: only the heartbeat keeps the lease.
    Thread.sleep(TimeUnit.SECONDS.toMillis(ShortAuditLimits.LEASE_SECONDS) + 1000);

    Response second = post(environment);

    second
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("type", Matchers.equalTo("urn:driftwatch:problem:audit-running"));
    assertThat(Integer.parseInt(second.header("Retry-After")))
        .as("the seconds left on the lease, not a constant")
        .isBetween(1, ShortAuditLimits.LEASE_SECONDS);
    Response ended = first.get(ShortAuditLimits.TIMEOUT_SECONDS + 5, TimeUnit.SECONDS);
    ended.then().statusCode(201);
    assertThat(ended.jsonPath().getString("error.stage")).isEqualTo("SHADOW");
    assertThat(post(environment).statusCode()).as("free once the first audit ended").isEqualTo(201);
  }

  @Test
  void a_lease_left_by_a_dead_owner_is_taken_over_within_the_lease_timeout() {
    String environment = cleanEnvironment();
    // What a replica killed in the middle of an audit leaves: its lease, as last renewed.
    StoreSql.execute(
        "INSERT INTO audit_lease (environment_id, owner, expires_at) VALUES ('"
            + StoreSql.environmentId(environment)
            + "', '"
            + UUID.randomUUID()
            + "', now() + interval '"
            + ShortAuditLimits.LEASE_SECONDS
            + " seconds')");
    long left = System.nanoTime();

    Response refused = post(environment);
    refused.then().statusCode(409);
    assertThat(Integer.parseInt(refused.header("Retry-After")))
        .isBetween(1, ShortAuditLimits.LEASE_SECONDS);

    Taken taken = awaitAudit(environment, ShortAuditLimits.LEASE_SECONDS + 5);
    assertThat(taken.audit().jsonPath().getString("outcome")).isEqualTo("CLEAN");
    assertThat((taken.lastRefused() - left) / 1e9)
        .as("refused only until the lease expired")
        .isLessThan(ShortAuditLimits.LEASE_SECONDS + 1.5);
  }

  @Test
  void a_replica_killed_with_sigkill_frees_its_lease_within_the_lease_timeout() throws Exception {
    String environment = cleanEnvironment();
    TestPostgres.Server server = TestPostgres.server();
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    Process replica =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classpath,
                LeaseHolder.class.getName(),
                server.host(),
                String.valueOf(server.port()),
                StoreDatabase.current(),
                server.user(),
                server.password(),
                StoreSql.environmentId(environment).toString(),
                String.valueOf(ShortAuditLimits.LEASE_SECONDS))
            .redirectErrorStream(true)
            .start();
    try {
      awaitHeld(replica);
      post(environment).then().statusCode(409);
      Thread.sleep(TimeUnit.SECONDS.toMillis(ShortAuditLimits.LEASE_SECONDS) * 2);
      post(environment)
          .then()
          .statusCode(409); // the other replica's heartbeat keeps it, twice its timeout on

      replica.destroyForcibly(); // SIGKILL: no shutdown hook, no release
      assertThat(replica.waitFor(10, TimeUnit.SECONDS)).isTrue();
      long killed = System.nanoTime();

      Taken taken = awaitAudit(environment, ShortAuditLimits.LEASE_SECONDS + 5);
      assertThat(taken.audit().jsonPath().getString("outcome")).isEqualTo("CLEAN");
      assertThat((taken.lastRefused() - killed) / 1e9)
          .as("refused only until the lease expired, after the kill")
          .isLessThan(ShortAuditLimits.LEASE_SECONDS + 1.5);
    } finally {
      replica.destroyForcibly();
    }
  }

  @Test
  void scheduled_audits_of_an_environment_that_hangs_keep_ending() throws Exception {
    String environment = hangingOnReplay();
    String folder =
        given()
            .get("/api/v1/environments/" + environment)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getString("source.path");
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                environment,
                "tier",
                "production",
                "databaseUrl",
                targetOf(environment),
                "source",
                Map.of("type", "path", "path", folder),
                "schedule",
                Map.of("cron", "*/2 * * * * ?")))
        .put("/api/v1/environments/" + environment)
        .then()
        .statusCode(200);

    long deadline =
        System.nanoTime() + TimeUnit.SECONDS.toNanos(ShortAuditLimits.TIMEOUT_SECONDS * 3);
    while (stored(environment) < 2 && System.nanoTime() < deadline) {
      Thread.sleep(500);
    }
    given()
        .contentType(ContentType.JSON)
        .body(
            Map.of(
                "name",
                environment,
                "tier",
                "production",
                "databaseUrl",
                targetOf(environment),
                "source",
                Map.of("type", "path", "path", folder),
                "schedule",
                Map.of("cron", "*/2 * * * * ?", "paused", true)))
        .put("/api/v1/environments/" + environment)
        .then()
        .statusCode(200);

    assertThat(stored(environment))
        .as("scheduled audits stored, each stopped by its timeout")
        .isGreaterThanOrEqualTo(2);
    assertThat(
            given()
                .get("/api/v1/environments/" + environment + "/audits")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items.error", String.class))
        .allSatisfy(error -> assertThat(error).contains("DRIFTWATCH_AUDIT_TIMEOUT"));
  }

  private String hangingOnReplay() {
    TargetDatabase target = track(TargetDatabase.create().managedByPrisma());
    // Recorded as applied without running it on the target: only its replay sleeps.
    target.row(SLEEPER, Checksums.of(SLEEPER_SQL), true);
    PrismaFolder folder = track(PrismaFolder.create().migration(SLEEPER, SLEEPER_SQL));
    String environment = Environments.register(target, folder);
    targets.put(environment, target.prismaUrl());
    return environment;
  }

  private final Map<String, String> targets = new ConcurrentHashMap<>();

  private String targetOf(String environment) {
    return targets.get(environment);
  }

  private String cleanEnvironment() {
    TargetDatabase target =
        track(
            TargetDatabase.create().managedByPrisma().deploy("20240101000000_init", "SELECT 1;\n"));
    PrismaFolder folder =
        track(PrismaFolder.create().migration("20240101000000_init", "SELECT 1;\n"));
    return Environments.register(target, folder);
  }

  private <T extends AutoCloseable> T track(T closeable) {
    created.add(closeable);
    return closeable;
  }

  private static Response post(String environment) {
    return given()
        .post("/api/v1/environments/" + environment + "/audits")
        .then()
        .extract()
        .response();
  }

  private static long stored(String environment) {
    return given()
        .get("/api/v1/environments/" + environment + "/audits")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getLong("total");
  }

  private static int leases(String environment) {
    return StoreSql.count(
        "SELECT count(*) FROM audit_lease WHERE environment_id = '"
            + StoreSql.environmentId(environment)
            + "'");
  }

  private static void awaitLease(String environment) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (leases(environment) == 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("the audit of " + environment + " took no lease within 10 s");
      }
      Thread.sleep(100);
    }
  }

  /** The audit that ran once the lease was free, and when the last audit was refused. */
  private record Taken(Response audit, long lastRefused) {}

  /**
   * POSTs until an audit is created, for at most {@code seconds}. The lease was free at the latest
   * a poll after the last refusal (the creating POST itself answers only once its audit is done).
   */
  private static Taken awaitAudit(String environment, int seconds) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    long lastRefused = System.nanoTime();
    while (true) {
      Response response = post(environment);
      if (response.statusCode() == 201) {
        return new Taken(response, lastRefused);
      }
      assertThat(response.statusCode()).as(response.asString()).isEqualTo(409);
      lastRefused = System.nanoTime();
      if (lastRefused > deadline) {
        throw new AssertionError(
            "the lease of " + environment + " was not free within " + seconds + " s");
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError(e);
      }
    }
  }

  private static void awaitHeld(Process replica) throws Exception {
    CompletableFuture<String> line =
        CompletableFuture.supplyAsync(
            () -> {
              try (BufferedReader out =
                  new BufferedReader(
                      new InputStreamReader(replica.getInputStream(), StandardCharsets.UTF_8))) {
                StringBuilder seen = new StringBuilder();
                for (String next = out.readLine(); next != null; next = out.readLine()) {
                  if (next.equals("HELD")) {
                    return next;
                  }
                  seen.append(next).append('\n');
                }
                return seen.toString();
              } catch (IOException e) {
                return e.toString();
              }
            });
    assertThat(line.get(60, TimeUnit.SECONDS))
        .as("the other replica holds the lease")
        .isEqualTo("HELD");
  }

  /** The replay's sleeping statement is cancelled on the server, not left running. */
  private static void awaitNoSleeperOnTheServer() throws InterruptedException {
    String sleeping =
        "SELECT count(*) FROM pg_stat_activity WHERE query LIKE 'SELECT pg_sleep(600.25)%'";
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (ServerSql.count(sleeping) > 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "the replay still runs on the shadow server 30 s after its audit was stopped");
      }
      Thread.sleep(250);
    }
  }
}
