package io.driftwatch.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.replay.ExpectedSchema;
import io.driftwatch.core.replay.ReplayPlan;
import io.driftwatch.core.replay.ReplayPlan.ReplayStep;
import io.driftwatch.testing.Eventually;
import io.driftwatch.testing.ShortReplayLimits;
import io.driftwatch.testing.StoreDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.subscription.Cancellable;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Replays migrations as Prisma's shadow database does, on a real PostgreSQL, and always cleans up.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
@WithTestResource(ShortReplayLimits.class)
class ShadowReplayerTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @Inject ShadowReplayer replayer;

  private static ReplayStep step(String name, String sql) {
    return new ReplayStep(name, sql, Integer.toHexString(sql.hashCode()));
  }

  @Test
  void replays_what_prisma_users_write_by_hand() throws Exception {
    ReplayPlan plan =
        new ReplayPlan(
            List.of(
                step(
                    "20240101000000_init",
                    """
            -- CreateExtension
            CREATE EXTENSION IF NOT EXISTS "citext";
            CREATE EXTENSION IF NOT EXISTS "pg_trgm";
            CREATE EXTENSION IF NOT EXISTS "pgcrypto";
            -- CreateEnum
            CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');
            -- CreateTable
            CREATE TABLE "User" (
                "id" TEXT NOT NULL DEFAULT gen_random_uuid()::text,
                "email" CITEXT NOT NULL,
                "role" "Role" NOT NULL DEFAULT 'USER',
                CONSTRAINT "User_pkey" PRIMARY KEY ("id")
            );
            CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
            """),
                step(
                    "20240102000000_do_block",
                    """
            DO $$
            BEGIN
              IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'Status') THEN
                CREATE TYPE "Status" AS ENUM ('OPEN', 'CLOSED');
              END IF;
            END $$;
            CREATE TABLE "Ticket" ("id" SERIAL PRIMARY KEY, "title" TEXT NOT NULL, "status" "Status" NOT NULL);
            """),
                step(
                    "20240103000000_explicit_transaction",
                    """
            BEGIN;
            ALTER TABLE "Ticket" ADD COLUMN "updatedAt" TIMESTAMP(3);
            CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
            BEGIN NEW."updatedAt" := now(); RETURN NEW; END; $$;
            CREATE TRIGGER ticket_touch BEFORE UPDATE ON "Ticket" FOR EACH ROW EXECUTE FUNCTION touch();
            COMMIT;
            """),
                step(
                    "20240104000000_concurrent_index",
                    "CREATE INDEX CONCURRENTLY \"Ticket_title_trgm_idx\" ON \"Ticket\" USING gin (\"title\" gin_trgm_ops);"),
                step(
                    "20240105000000_view",
                    """
            CREATE VIEW "OpenTicket" AS SELECT "id", "title" FROM "Ticket" WHERE "status" = 'OPEN';
            """)),
            "public");

    ExpectedSchema expected = replayer.replay(plan, Set.of("public")).await().atMost(TIMEOUT);

    assertThat(expected.failure()).isEmpty();
    Catalog catalog = expected.catalog().orElseThrow();
    assertThat(catalog.table(new QualifiedName("public", "User"))).isPresent();
    assertThat(
            catalog.table(new QualifiedName("public", "Ticket")).orElseThrow().column("updatedAt"))
        .isPresent();
    assertThat(
            catalog
                .table(new QualifiedName("public", "Ticket"))
                .orElseThrow()
                .index("Ticket_title_trgm_idx"))
        .hasValueSatisfying(index -> assertThat(index.method()).isEqualTo("gin"));
    assertThat(catalog.enumType(new QualifiedName("public", "Status")))
        .hasValueSatisfying(type -> assertThat(type.values()).containsExactly("OPEN", "CLOSED"));
    assertThat(catalog.view(new QualifiedName("public", "OpenTicket"))).isPresent();
    assertThat(catalog.extension("citext")).isPresent();
    assertThat(expected.shadowExtensions()).contains("pg_trgm", "citext", "pgcrypto");
    assertThat(ShortReplayLimits.sandboxesLeftAfterTeardown())
        .as("the scratch database is dropped")
        .isEmpty();
  }

  @Test
  void a_failing_script_is_reported_with_the_database_error_and_the_scratch_database_is_dropped()
      throws Exception {
    ReplayPlan plan =
        new ReplayPlan(
            List.of(
                step("20240101000000_init", "CREATE TABLE \"A\" (\"id\" INT PRIMARY KEY);"),
                step("20240102000000_broken", "ALTER TABLE \"Missing\" ADD COLUMN \"x\" INT;"),
                step("20240103000000_never", "CREATE TABLE \"B\" (\"id\" INT);")),
            "app");

    ExpectedSchema expected = replayer.replay(plan, Set.of("app")).await().atMost(TIMEOUT);

    assertThat(expected.catalog()).isEmpty();
    assertThat(expected.failure())
        .hasValueSatisfying(
            failure -> {
              assertThat(failure.migration()).isEqualTo("20240102000000_broken");
              assertThat(failure.sqlState()).isEqualTo("42P01");
              assertThat(failure.error()).contains("Missing");
            });
    assertThat(expected.shadowServerMajorVersion()).isGreaterThanOrEqualTo(12);
    assertThat(ShortReplayLimits.sandboxesLeftAfterTeardown()).isEmpty();
  }

  @Test
  void pending_migrations_that_fail_are_each_reported_and_the_replay_goes_on_past_them()
      throws Exception {
    ReplayPlan plan =
        new ReplayPlan(
            List.of(
                step("20240101000000_init", "CREATE TABLE \"User\" (\"id\" SERIAL PRIMARY KEY);"),
                new ReplayStep(
                    "20240102000000_broken",
                    "ALTER TABLE \"User\" ADD COLUMN \"age\" INTEGER;\nSELECT 1/0;",
                    "b",
                    true),
                new ReplayStep(
                    "20240103000000_teams",
                    "CREATE TABLE \"Team\" (\"id\" SERIAL PRIMARY KEY);",
                    "t",
                    true),
                new ReplayStep(
                    "20240104000000_needs_teams",
                    "ALTER TABLE \"Team\" ADD COLUMN \"owner\" INTEGER REFERENCES \"Missing\"(\"id\");",
                    "n",
                    true)),
            "public");

    ExpectedSchema expected = replayer.replay(plan, Set.of("public")).await().atMost(TIMEOUT);

    assertThat(expected.failure()).isEmpty();
    assertThat(expected.pendingFailures())
        .extracting(ExpectedSchema.ReplayFailure::migration)
        .containsExactly("20240102000000_broken", "20240104000000_needs_teams");
    assertThat(expected.pendingFailures().get(0).sqlState()).isEqualTo("22012");
    assertThat(expected.pendingFailures().get(1).error()).contains("Missing");
    Catalog catalog = expected.catalog().orElseThrow();
    assertThat(catalog.table(QualifiedName.of("public", "Team")))
        .isPresent(); // ran after the first failure
    assertThat(catalog.table(QualifiedName.of("public", "User")).orElseThrow().column("age"))
        .as("the failed script's transaction was rolled back")
        .isEmpty();
  }

  @Test
  void a_replay_given_up_by_its_caller_stops_on_the_server_and_leaves_no_sandbox()
      throws Exception {
    ReplayPlan plan =
        new ReplayPlan(
            List.of(
                step(
                    "20240101000000_forever",
                    "SET statement_timeout = 0;\nSELECT pg_sleep(100000);\n")),
            "public");
    Cancellable replay =
        replayer.replay(plan, Set.of("public")).subscribe().with(expected -> {}, failure -> {});
    assertThat(
            Eventually.within(
                Duration.ofSeconds(15),
                ShortReplayLimits::sandboxesLeft,
                left -> left.stream().anyMatch(name -> name.startsWith("session of "))))
        .as("the replay runs")
        .isNotEmpty();

    replay.cancel(); // as an audit that is given up does (its own timeout, a shutdown)

    assertThat(ShortReplayLimits.sandboxesLeftAfterTeardown())
        .as("its session, database and role")
        .isEmpty();
  }

  @Test
  void migrations_run_in_the_url_schema_created_first_as_prisma_does() throws Exception {
    ReplayPlan plan =
        new ReplayPlan(
            List.of(step("20240101000000_init", "CREATE TABLE \"A\" (\"id\" INT PRIMARY KEY);")),
            "tenant");
    Catalog catalog =
        replayer.replay(plan, Set.of("tenant")).await().atMost(TIMEOUT).catalog().orElseThrow();
    assertThat(catalog.table(new QualifiedName("tenant", "A"))).isPresent();
    assertThat(catalog.table(new QualifiedName("public", "A"))).isEmpty();
  }
}
