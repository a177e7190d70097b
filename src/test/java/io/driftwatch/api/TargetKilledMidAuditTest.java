package io.driftwatch.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.driftwatch.testing.EmbeddedServer;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A target server that goes down in the middle of an audit: the audit ends ERROR as soon as the
 * connection dies (not when a timeout expires), the service stays ready, and once the server is
 * back the next audit gets a fresh connection instead of the dead one.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class TargetKilledMidAuditTest {

  private static final String INIT = "20241210000000_init";
  private static final String INIT_SQL = "CREATE TABLE \"customers\" (\"id\" TEXT NOT NULL);\n";
  private static final String PASSWORD = "k1lled-s3cret";

  /**
   * How soon after the kill the audit must end: below the connect timeout (3 s in tests) and the
   * statement timeout (5 s), far below the reader's own deadline (connect + 2 x statement = 13 s).
   * The lock_timeout (2 s) could end it as soon, which is why the message must also say the
   * connection was lost.
   */
  private static final double KILL_TO_ERROR_SECONDS = 3;

  private EmbeddedServer postgres;
  private TargetDatabase target;
  private PrismaFolder folder;
  private ExecutorService client;

  @BeforeEach
  void startTarget() {
    postgres = EmbeddedServer.launch();
    target =
        TargetDatabase.create(postgres.server(), "public").managedByPrisma().deploy(INIT, INIT_SQL);
    folder = PrismaFolder.create().migration(INIT, INIT_SQL);
    client = Executors.newSingleThreadExecutor();
  }

  @AfterEach
  void stopTarget() {
    client.shutdownNow();
    folder.close();
    if (postgres.isRunning()) {
      target.close();
    }
    postgres.close();
  }

  @Test
  void a_target_killed_mid_audit_ends_it_with_error_and_the_next_audit_reconnects()
      throws Exception {
    String environment =
        Environments.register(
            "postgresql://postgres:"
                + PASSWORD
                + "@127.0.0.1:"
                + postgres.port()
                + "/"
                + target.name()
                + "?schema=public",
            folder);
    assertThat(Environments.audit(environment).getString("outcome"))
        .as("before the kill")
        .isEqualTo("CLEAN");

    CompletableFuture<Response> audit;
    double seconds;
    Connection locker = postgres.server().connect(target.name());
    try {
      // Another session holds the history table: the audit's SELECT waits for the lock,
      // mid-transaction.
      locker.setAutoCommit(false);
      try (Statement lock = locker.createStatement()) {
        lock.execute("LOCK TABLE _prisma_migrations IN ACCESS EXCLUSIVE MODE");
      }
      audit =
          CompletableFuture.supplyAsync(
              () ->
                  given()
                      .post("/api/v1/environments/" + environment + "/audits")
                      .then()
                      .extract()
                      .response(),
              client);
      awaitAuditWaitingForTheLock();
      assertThat(audit)
          .as("the audit still waits (lock_timeout is 2 s) when the target is killed")
          .isNotDone();

      long killed = System.nanoTime();
      postgres.stop(); // fast shutdown: every session, the audit's and the locker's, is terminated
      ended(audit);
      seconds = (System.nanoTime() - killed) / 1e9;
    } finally {
      closeQuietly(locker);
    }
    Response response = audit.get();

    assertThat(response.statusCode())
        .as(
            "an unreadable database is an ERROR audit, not a failed request: %s",
            response.asString())
        .isEqualTo(201);
    JsonPath report = response.jsonPath();
    String message = report.getString("error.message");
    assertThat(report.getString("outcome")).isEqualTo("ERROR");
    assertThat(report.getString("error.stage")).isEqualTo("DATABASE");
    assertThat(message)
        .as("names the database")
        .contains("127.0.0.1:" + postgres.port() + "/" + target.name())
        .as("says why: the connection was lost, not a timeout")
        .containsIgnoringCase("connection")
        .doesNotContainIgnoringCase("timeout")
        .doesNotContain("did not answer")
        .as("never the password")
        .doesNotContain(PASSWORD);
    assertThat(response.asString())
        .as("the password appears nowhere in the report")
        .doesNotContain(PASSWORD);
    assertThat(seconds)
        .as("the audit ended %.2f s after the kill (%s)", seconds, message)
        .isLessThan(KILL_TO_ERROR_SECONDS);
    given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));

    postgres.start();
    JsonPath again = Environments.audit(environment);
    assertThat(again.getString("outcome"))
        .as("first audit after the restart: %s", again.getString("error.message"))
        .isEqualTo("CLEAN");
    assertThat(again.getList("history.migrations.state")).containsExactly("APPLIED");
  }

  /** Waits, at most 10 s, until pg_stat_activity shows the service's session waiting for a lock. */
  private void awaitAuditWaitingForTheLock() throws SQLException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    List<String> seen = new ArrayList<>();
    try (Connection monitor = postgres.server().connect("postgres");
        Statement statement = monitor.createStatement()) {
      while (System.nanoTime() < deadline) {
        seen.clear();
        try (ResultSet rows =
            statement.executeQuery(
                "SELECT application_name, state, wait_event_type, query"
                    + " FROM pg_stat_activity WHERE datname = '"
                    + target.name()
                    + "' AND pid <> pg_backend_pid()")) {
          while (rows.next()) {
            if ("driftwatch".equals(rows.getString(1))
                && "Lock".equals(rows.getString(3))
                && rows.getString(4).contains("_prisma_migrations")) {
              return;
            }
            seen.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3));
          }
        }
        Thread.sleep(10);
      }
    }
    throw new AssertionError(
        "no driftwatch session waited for the lock on _prisma_migrations within 10 s;"
            + " sessions on the target: "
            + seen);
  }

  private static void ended(CompletableFuture<Response> audit) throws Exception {
    try {
      audit.get(30, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError(
          "the audit of a killed target was still running 30 s after the kill: it hangs", e);
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.close();
    } catch (SQLException e) {
      // its server is gone
    }
  }
}
