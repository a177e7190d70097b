package io.driftwatch.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.api.Environments;
import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.core.replay.ExpectedSchema;
import io.driftwatch.core.replay.ExpectedSchema.ReplayFailure;
import io.driftwatch.core.replay.ReplayPlan;
import io.driftwatch.core.replay.ReplayPlan.ReplayStep;
import io.driftwatch.store.CatalogSnapshotRepository;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.StoreSql;
import io.driftwatch.testing.TargetDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A failed replay is kept whole under its content key, as a successful one is: the next audit of
 * the same history reads the outcome (catalog and failures) instead of replaying it. A sandbox
 * refusal is not kept: it is tried again. Counted with the replay counter, not timed.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class KeptReplayTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Inject ExpectedSchemas expectedSchemas;

  @Inject ShadowReplayer replayer;

  @Inject ShadowServer shadows;

  @Inject MySqlShadowReplayer mysqlReplayer;

  @Inject DriftwatchConfig config;

  @Inject CatalogSnapshotRepository store;

  @Inject ObjectMapper json;

  @Inject MeterRegistry metrics;

  private double replays(String result) {
    Counter counter = metrics.find(ExpectedSchemas.REPLAYS).tag("result", result).counter();
    return counter == null ? 0 : counter.count();
  }

  /** Scripts no other test replays: their key is new. */
  private static String unique() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  @Test
  void a_failed_history_audited_twice_is_replayed_once_and_judged_the_same_way() {
    String table = "A_" + unique();
    String init = "CREATE TABLE \"" + table + "\"(\"id\" INT PRIMARY KEY);\n";
    String badReference =
        "CREATE TABLE \"C\"(\"id\" INT PRIMARY KEY, \"a\" INT REFERENCES \"Nope\"(\"id\"));\n";
    String syntaxError =
        "ALTER TABLE \"" + table + "\" ADD COLUMN \"b\" INT NOT NULL DEFAULT 0 \"c\";\n";
    try (TargetDatabase target = TargetDatabase.create().managedByPrisma().deploy("01_init", init);
        PrismaFolder folder =
            PrismaFolder.create()
                .migration("01_init", init)
                .migration("02_bad_reference", badReference)
                .migration("03_bad", syntaxError)) {
      target.deployFailed(
          "02_bad_reference", badReference, "ERROR: relation \"Nope\" does not exist");
      String environment = Environments.register(target, folder);

      double replayedBefore = replays("replayed");
      JsonPath first = Environments.audit(environment);
      double replayedAfterFirst = replays("replayed");
      double keptAfterFirst = replays("kept");
      JsonPath second = Environments.audit(environment);

      assertThat(replayedAfterFirst - replayedBefore).as("the first audit replays").isPositive();
      assertThat(replays("replayed"))
          .as("the second audit replays nothing")
          .isEqualTo(replayedAfterFirst);
      assertThat(replays("kept") - keptAfterFirst)
          .as("both replays of the second audit are kept ones")
          .isEqualTo(2);
      for (JsonPath audit : List.of(first, second)) {
        assertThat(audit.getList("findings.findAll { it.code == 'MS021' }.migration", String.class))
            .containsExactly("02_bad_reference");
        assertThat(audit.getList("findings.findAll { it.code == 'MS019' }.migration", String.class))
            .containsExactly("03_bad");
      }
      assertThat(second.getString("findings.find { it.code == 'MS019' }.message"))
          .isEqualTo(first.getString("findings.find { it.code == 'MS019' }.message"));
    }
  }

  @Test
  void a_replay_stopped_by_an_applied_migration_is_read_back_from_the_store_after_a_restart() {
    String missing = "Missing_" + unique();
    ReplayPlan plan =
        new ReplayPlan(
            List.of(
                new ReplayStep(
                    "01_init", "CREATE TABLE \"User\" (\"id\" SERIAL PRIMARY KEY);", "i"),
                new ReplayStep(
                    "02_broken",
                    "ALTER TABLE \"User\" ADD COLUMN \"t\" INT REFERENCES \""
                        + missing
                        + "\"(\"id\");",
                    unique()),
                new ReplayStep("03_pending", "SELECT 1/0;", unique(), true)),
            "public");

    ExpectedSchema replayed = expectedSchemas.of(plan).await().atMost(TIMEOUT);
    double replayedBefore = replays("replayed");
    // After a restart the memory is empty: the outcome comes from the store.
    ExpectedSchema restored =
        new ExpectedSchemas(replayer, mysqlReplayer, config, shadows, store, json, metrics)
            .of(plan)
            .await()
            .atMost(TIMEOUT);

    assertThat(replayed.cached()).isFalse();
    assertThat(replayed.failure()).map(ReplayFailure::sqlState).hasValue("42P01");
    assertThat(replays("replayed")).isEqualTo(replayedBefore);
    assertThat(restored.cached()).isTrue();
    assertThat(restored.catalog()).isEmpty();
    assertThat(restored.failure()).isEqualTo(replayed.failure());
    assertThat(restored.pendingFailures()).isEqualTo(replayed.pendingFailures());
    assertThat(restored.shadowServerMajorVersion()).isEqualTo(replayed.shadowServerMajorVersion());
    assertThat(
            StoreSql.count(
                "SELECT count(*) FROM catalog_snapshot WHERE catalog IS NULL AND failures LIKE '%"
                    + missing
                    + "%'"))
        .isEqualTo(1);
  }

  @Test
  void a_sandbox_refusal_is_not_kept_and_is_tried_again() {
    ReplayPlan plan =
        new ReplayPlan(
            List.of(
                new ReplayStep(
                    "01_init", "CREATE TABLE \"T_" + unique() + "\" (\"id\" INT);", unique()),
                new ReplayStep(
                    "02_reads_a_file",
                    "CREATE TABLE \"Import\" (\"line\" TEXT);\n"
                        + "COPY \"Import\" FROM PROGRAM 'cat /etc/hostname';",
                    unique(),
                    true)),
            "public");

    ExpectedSchema first = expectedSchemas.of(plan).await().atMost(TIMEOUT);
    double replayedAfterFirst = replays("replayed");
    ExpectedSchema second = expectedSchemas.of(plan).await().atMost(TIMEOUT);

    assertThat(first.pendingFailures())
        .singleElement()
        .satisfies(failure -> assertThat(failure.cause()).isEqualTo(ReplayFailure.Cause.REFUSED));
    assertThat(second.cached()).isFalse();
    assertThat(replays("replayed") - replayedAfterFirst).isEqualTo(1);
  }

  @Test
  void an_extension_the_server_does_not_have_is_kept_as_the_outcome() {
    String missing = "no_such_extension_" + unique();
    ReplayPlan plan =
        new ReplayPlan(
            List.of(
                new ReplayStep(
                    "01_init", "CREATE TABLE \"T_" + unique() + "\" (\"id\" INT);", unique()),
                new ReplayStep(
                    "02_extension", "CREATE EXTENSION \"" + missing + "\";", unique(), true)),
            "public");

    ExpectedSchema first = expectedSchemas.of(plan).await().atMost(TIMEOUT);
    double replayedAfterFirst = replays("replayed");
    ExpectedSchema second = expectedSchemas.of(plan).await().atMost(TIMEOUT);

    assertThat(first.pendingFailures())
        .singleElement()
        .satisfies(
            failure -> {
              assertThat(failure.cause()).isEqualTo(ReplayFailure.Cause.EXTENSION_UNAVAILABLE);
              assertThat(failure.extension()).isEqualTo(missing);
            });
    assertThat(second.cached()).isTrue();
    assertThat(second.pendingFailures()).isEqualTo(first.pendingFailures());
    assertThat(replays("replayed")).isEqualTo(replayedAfterFirst);
  }
}
