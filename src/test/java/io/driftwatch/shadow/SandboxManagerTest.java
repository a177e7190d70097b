package io.driftwatch.shadow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.api.Environments;
import io.driftwatch.testing.Eventually;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.SandboxedShadowServer;
import io.driftwatch.testing.ServerSql;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.driftwatch.testing.TestMySql;
import io.driftwatch.testing.TestPostgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The shadow server as an operator should run it: driftwatch's role there is a manager that is no
 * superuser, and the store's database admits only its own role. Ordinary Prisma histories still
 * replay to exactly what they build.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
@WithTestResource(SandboxedShadowServer.class)
class SandboxManagerTest {

  /**
   * What Prisma users write: trusted extensions, a DO block, an explicit transaction, CONCURRENTLY,
   * a view.
   */
  private static final String INIT =
      """
      CREATE EXTENSION IF NOT EXISTS "citext";
      CREATE EXTENSION IF NOT EXISTS "pg_trgm";
      CREATE EXTENSION IF NOT EXISTS "pgcrypto";
      CREATE EXTENSION IF NOT EXISTS "btree_gist";
      CREATE EXTENSION IF NOT EXISTS "uuid-ossp";
      CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');
      CREATE TABLE "User" (
          "id" TEXT NOT NULL DEFAULT gen_random_uuid()::text,
          "email" CITEXT NOT NULL,
          "role" "Role" NOT NULL DEFAULT 'USER',
          CONSTRAINT "User_pkey" PRIMARY KEY ("id")
      );
      CREATE UNIQUE INDEX "User_email_key" ON "User"("email");
      """;

  private static final String DO_BLOCK =
      """
      DO $$
      BEGIN
        IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'Status') THEN
          CREATE TYPE "Status" AS ENUM ('OPEN', 'CLOSED');
        END IF;
      END $$;
      CREATE TABLE "Ticket" ("id" SERIAL PRIMARY KEY, "title" TEXT NOT NULL, "status" "Status" NOT NULL);
      BEGIN;
      ALTER TABLE "Ticket" ADD COLUMN "updatedAt" TIMESTAMP(3);
      CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $f$
      BEGIN NEW."updatedAt" := now(); RETURN NEW; END; $f$;
      CREATE TRIGGER ticket_touch BEFORE UPDATE ON "Ticket" FOR EACH ROW EXECUTE FUNCTION touch();
      COMMIT;
      """;
  private static final String CONCURRENT =
      "CREATE INDEX CONCURRENTLY \"Ticket_title_trgm_idx\" ON \"Ticket\" "
          + "USING gin (\"title\" gin_trgm_ops);";
  private static final String VIEW =
      "CREATE VIEW \"OpenTicket\" AS SELECT \"id\", \"title\" FROM \"Ticket\" "
          + "WHERE \"status\" = 'OPEN';\n";

  private TargetDatabase target;
  private PrismaFolder folder;

  @BeforeEach
  void create() {
    target = TargetDatabase.create().managedByPrisma();
    folder = PrismaFolder.create();
    for (String[] migration :
        new String[][] {
          {"20240101000000_init", INIT},
          {"20240102000000_tickets", DO_BLOCK},
          {"20240103000000_concurrent_index", CONCURRENT},
          {"20240104000000_view", VIEW}
        }) {
      target.deploy(migration[0], migration[1]);
      folder.migration(migration[0], migration[1]);
    }
  }

  @AfterEach
  void cleanUp() {
    folder.close();
    target.close();
  }

  @Test
  void an_ordinary_history_with_trusted_extensions_replays_to_zero_drift_and_leaves_nothing()
      throws Exception {
    JsonPath audit = Environments.audit(Environments.register(target, folder));

    assertThat(audit.getString("drift.status")).isEqualTo("CHECKED");
    assertThat(audit.getInt("drift.count")).isZero();
    assertThat(audit.getList("findings.code", String.class))
        .doesNotContain("SD020", "SD022", "SD023", "SD024");
    assertThat(SandboxedShadowServer.openSandboxesAfterTeardown())
        .as("replay roles the manager made and did not drop")
        .isEmpty();
  }

  @Test
  void the_audit_answers_before_its_scratch_database_is_dropped_and_the_drop_follows()
      throws Exception {
    // A replay long enough to find its database while it runs, its scripts of its own so that none
    // is kept.
    String slow = "-- " + UUID.randomUUID() + "\nSELECT pg_sleep(1.5);\n";
    target.deploy("20240105000000_slow", slow);
    folder.migration("20240105000000_slow", slow);
    String environment = Environments.register(target, folder);
    assertThat(SandboxedShadowServer.openSandboxesAfterTeardown())
        .as("no sandbox of an earlier test")
        .isEmpty();
    CompletableFuture<JsonPath> audit =
        CompletableFuture.supplyAsync(() -> Environments.audit(environment));

    List<String> roles =
        Eventually.within(
            Duration.ofSeconds(30),
            SandboxedShadowServer::openSandboxes,
            found -> !found.isEmpty() || audit.isDone());
    assertThat(roles).as("the replay's sandbox, while it runs").hasSize(1);
    String database = roles.get(0).replace("dw_replay_", "dw_shadow_");
    // The role is made first, then its database (COMMENT on a database not there yet only warns).
    assertThat(
            Eventually.within(
                Duration.ofSeconds(10), () -> databases(database), count -> count > 0))
        .isOne();
    try (Connection holder = TestPostgres.server().connect("postgres");
        Statement statement = holder.createStatement()) {
      // COMMENT takes a lock on the database that DROP DATABASE waits for (up to the manager's lock
      // timeout, 10 s).
      holder.setAutoCommit(false);
      statement.execute("COMMENT ON DATABASE " + database + " IS 'held by the test'");

      JsonPath answered = audit.get(60, TimeUnit.SECONDS);
      assertThat(answered.getString("drift.status")).isEqualTo("CHECKED");
      assertThat(
              Eventually.within(
                  Duration.ofSeconds(8), () -> waitingTeardowns(database), waiting -> waiting > 0))
          .as("after the audit answered, its scratch database's teardown still waits for the lock")
          .isOne();
      holder.rollback();
    }
    assertThat(
            Eventually.within(
                Duration.ofSeconds(15), () -> databases(database), count -> count == 0))
        .as("the scratch database once the lock is released")
        .isZero();
    assertThat(SandboxedShadowServer.openSandboxesAfterTeardown()).isEmpty();
  }

  @Test
  void a_manager_granted_set_on_temp_file_limit_bounds_the_replays_temporary_files() {
    folder.migration(
        "20240105000000_sort",
        "SET work_mem = '64kB';\nSELECT count(*) FROM (SELECT md5(g::text) "
            + "FROM generate_series(1, 20000000) g ORDER BY 1) sorted;\n");
    JsonPath audit = Environments.audit(Environments.register(target, folder));

    assertThat(audit.getString("findings.find { it.code == 'SD023' }.message"))
        .contains("temporary file size exceeds temp_file_limit (8192kB)");
  }

  @Test
  void an_extension_the_shadow_server_lacks_is_named_with_how_to_provide_it() {
    folder.migration(
        "20240105000000_embeddings",
        "CREATE EXTENSION IF NOT EXISTS \"vector\";\n"
            + "CREATE TABLE \"Embedding\" (\"id\" SERIAL PRIMARY KEY);\n");
    JsonPath audit = Environments.audit(Environments.register(target, folder));

    assertThat(audit.getString("findings.find { it.code == 'SD024' }.message"))
        .contains("`vector`")
        .contains("extension \"vector\" is not available");
    assertThat(audit.getString("findings.find { it.code == 'SD024' }.help"))
        .contains("DRIFTWATCH_SHADOW_TEMPLATE=dw_template");
    assertThat(audit.getList("findings.code", String.class))
        .as("not the script's fault")
        .doesNotContain("MS019");
  }

  @Test
  void a_shadow_role_that_may_not_create_roles_replays_nothing_and_says_why() throws Exception {
    String role =
        "dw_createdb_only_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    ServerSql.execute("CREATE ROLE " + role + " LOGIN CREATEDB");
    // A history of its own, so that no earlier replay of the same scripts is taken from the store.
    folder.migration("20240105000000_" + role, "CREATE TABLE \"" + role + "\" (\"id\" INT);\n");
    try {
      TestPostgres.Server server = TestPostgres.server();
      String environment = "env-" + UUID.randomUUID().toString().substring(0, 8);
      given()
          .contentType(ContentType.JSON)
          .body(
              """
          {"name": "%s", "tier": "production", "databaseUrl": "%s", "source": {"type": "path", "path": "%s"},
           "shadowDatabaseUrl": "postgresql://%s@%s:%d/postgres"}
          """
                  .formatted(
                      environment,
                      target.prismaUrl(),
                      folder.path(),
                      role,
                      server.host(),
                      server.port()))
          .post("/api/v1/environments")
          .then()
          .statusCode(201);
      JsonPath audit = Environments.audit(environment);

      assertThat(audit.getString("drift.status")).isEqualTo("NOT_CHECKED");
      assertThat(audit.getString("findings.find { it.code == 'SD022' }.message"))
          .contains("`" + role + "` may not create roles and databases")
          .contains("CREATEROLE");
      assertThat(
              ServerSql.count(
                  "SELECT count(*) FROM pg_database WHERE datdba = (SELECT oid FROM pg_roles WHERE rolname = '"
                      + role
                      + "')"))
          .as("it created nothing")
          .isZero();
    } finally {
      ServerSql.execute("DROP ROLE " + role);
    }
  }

  @Test
  void a_sandbox_whose_replica_died_is_dropped_by_a_later_replay() throws Exception {
    long longAgo = Instant.now().minusSeconds(3 * 3600).getEpochSecond();
    String role = "dw_replay_" + longAgo + "_0123456789ab";
    String database = "dw_shadow_" + longAgo + "_0123456789ab";
    TestPostgres.Server server = TestPostgres.server();
    try (Connection manager =
            DriverManager.getConnection(
                server.jdbcUrl("postgres"), SandboxedShadowServer.manager(), "");
        Statement statement = manager.createStatement()) {
      statement.execute("CREATE ROLE " + role + " LOGIN");
      statement.execute("GRANT " + role + " TO CURRENT_USER");
      statement.execute("CREATE DATABASE " + database + " OWNER " + role);
      statement.execute("ALTER DATABASE " + database + " IS_TEMPLATE true"); // as its owner may
    }

    Environments.audit(Environments.register(target, folder));

    assertThat(
            Eventually.within(
                Duration.ofSeconds(15), () -> databases(database), count -> count == 0))
        .isZero();
    assertThat(
            Eventually.within(
                Duration.ofSeconds(15),
                () ->
                    ServerSql.count(
                        "SELECT count(*) FROM pg_roles WHERE " + "rolname = '" + role + "'"),
                count -> count == 0))
        .isZero();
  }

  private static int databases(String name) {
    return ServerSql.count("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'");
  }

  /**
   * Sessions of the manager whose statement on this database (its ALTER or its DROP) waits for a
   * lock.
   */
  private static int waitingTeardowns(String database) {
    return ServerSql.count(
        "SELECT count(*) FROM pg_stat_activity WHERE usename = '"
            + SandboxedShadowServer.manager()
            + "' AND wait_event_type = 'Lock' AND query LIKE '%DATABASE %\""
            + database
            + "\"%'");
  }

  @Test
  void the_store_database_admits_only_its_own_role_and_health_says_where_replays_run()
      throws Exception {
    String outsider =
        "dw_outsider_" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
    ServerSql.execute("CREATE ROLE " + outsider + " LOGIN");
    try {
      assertThat(
              ServerSql.count(
                  "SELECT count(*) FROM pg_database WHERE datname = '"
                      + StoreDatabase.current()
                      + "' AND has_database_privilege('"
                      + outsider
                      + "', oid, 'CONNECT')"))
          .as("a role of no standing connects")
          .isZero();
    } finally {
      ServerSql.execute("DROP ROLE " + outsider);
    }
    given()
        .get("/q/health")
        .then()
        .statusCode(200)
        .body("checks.find { it.name == 'shadow-server' }.status", Matchers.equalTo("UP"))
        .body(
            "checks.find { it.name == 'shadow-server' }.data.storeConnect",
            Matchers.equalTo("revoked from PUBLIC"))
        .body(
            "checks.find { it.name == 'shadow-server' }.data.separateFromStore",
            Matchers.equalTo(false))
        .body(
            "checks.find { it.name == 'shadow-server' }.data.warning",
            Matchers.containsString("DRIFTWATCH_SHADOW_URL"))
        .body(
            "checks.find { it.name == 'shadow-server' }.data.mysqlServer",
            Matchers.equalTo(TestMySql.server().host() + ":" + TestMySql.server().port()));
  }
}
