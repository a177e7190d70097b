package io.driftwatch.shadow;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.api.Environments;
import io.driftwatch.testing.Checksums;
import io.driftwatch.testing.GitRepo;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.ServerSql;
import io.driftwatch.testing.ShortReplayLimits;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.driftwatch.testing.TestPostgres;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every migration of a watched repository is hostile code, replayed next to production: one test
 * per attack, each with the migration already applied (replayed for the drift check) and pending
 * (replayed for the exact pre-flight check). For each, the audit ends within its bound with a
 * finding that quotes the refusal, nothing happens on the host, the store is intact, and within
 * seconds no sandbox is left: the replay role, its database and its sessions are gone (they are
 * dropped in the background, after the audit has answered).
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
@WithTestResource(ShortReplayLimits.class)
class HostileMigrationTest {

  private static final String INIT =
      "CREATE TABLE \"User\" (\"id\" SERIAL PRIMARY KEY, \"email\" TEXT NOT NULL);\n";
  private static final String HOSTILE = "20240102000000_hostile";

  /** The replay's own bound (8 s in this profile), with room for a loaded machine. */
  private static final Duration AUDIT_BOUND = Duration.ofSeconds(75);

  enum Placement {
    APPLIED,
    PENDING
  }

  private TargetDatabase target;
  private PrismaFolder folder;
  private String marker;

  @BeforeEach
  void create() {
    target = TargetDatabase.create().managedByPrisma().deploy("20240101000000_init", INIT);
    folder = PrismaFolder.create().migration("20240101000000_init", INIT);
    marker = "dw_owned_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
  }

  @AfterEach
  void cleanUp() throws Exception {
    folder.close();
    target.close();
    Files.deleteIfExists(markerFile());
  }

  // --- programs and files on the database host ---

  @ParameterizedTest
  @EnumSource(Placement.class)
  void copy_to_program(Placement placement) throws Exception {
    JsonPath audit =
        audit(placement, "COPY (SELECT 'owned') TO PROGRAM 'id > " + markerFile() + "';\n");
    assertRefused(audit, "SD023", "pg_execute_server_program");
    assertThat(markerFile()).doesNotExist();
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void copy_from_program(Placement placement) throws Exception {
    JsonPath audit =
        audit(
            placement,
            "CREATE TABLE \"Loot\" (\"line\" TEXT);\n"
                + "COPY \"Loot\" FROM PROGRAM 'id > "
                + markerFile()
                + "; echo 1';\n");
    assertRefused(audit, "SD023", "pg_execute_server_program");
    assertThat(markerFile()).doesNotExist();
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void copy_from_a_server_file(Placement placement) {
    JsonPath audit =
        audit(
            placement,
            "CREATE TABLE \"Loot\" (\"line\" TEXT);\nCOPY \"Loot\" FROM '/etc/passwd';\n");
    assertRefused(audit, "SD023", "pg_read_server_files");
    assertThat(audit.prettify()).doesNotContain("root:x:0:0");
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void pg_read_file_raised_into_the_report(Placement placement) {
    JsonPath audit =
        audit(
            placement,
            "DO $$ BEGIN RAISE EXCEPTION '%', pg_read_file('/etc/passwd', 0, 300); END $$;\n");
    assertRefused(audit, "SD023", "permission denied for function pg_read_file");
    assertThat(audit.prettify()).doesNotContain("root:x:0:0");
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void pg_read_binary_file(Placement placement) {
    JsonPath audit = audit(placement, "SELECT pg_read_binary_file('/etc/passwd');\n");
    assertRefused(audit, "SD023", "permission denied for function pg_read_binary_file");
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void pg_ls_dir(Placement placement) {
    JsonPath audit =
        audit(
            placement,
            "DO $$ BEGIN RAISE EXCEPTION '%', (SELECT string_agg(f, ',') FROM "
                + "pg_ls_dir('/') f); END $$;\n");
    assertRefused(audit, "SD023", "permission denied for function pg_ls_dir");
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void lo_import(Placement placement) {
    JsonPath audit = audit(placement, "SELECT lo_import('/etc/passwd');\n");
    assertRefused(audit, "SD023", "permission denied for function lo_import");
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void lo_export(Placement placement) throws Exception {
    JsonPath audit =
        audit(placement, "SELECT lo_export(lo_from_bytea(0, 'owned'), '" + markerFile() + "');\n");
    assertRefused(audit, "SD023", "permission denied for function lo_export");
    assertThat(markerFile()).doesNotExist();
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void create_tablespace(Placement placement) throws Exception {
    Path directory = Files.createTempDirectory("dw-tablespace");
    try {
      JsonPath audit =
          audit(placement, "CREATE TABLESPACE " + marker + " LOCATION '" + directory + "';\n");
      assertRefused(audit, "SD023", "permission denied to create tablespace");
      assertThat(
              ServerSql.count(
                  "SELECT count(*) FROM pg_tablespace WHERE spcname = '" + marker + "'"))
          .isZero();
      try (var entries = Files.list(directory)) {
        assertThat(entries).isEmpty();
      }
    } finally {
      Files.deleteIfExists(directory);
    }
  }

  // --- roles, settings, other sessions ---

  @ParameterizedTest
  @EnumSource(Placement.class)
  void create_role(Placement placement) throws Exception {
    JsonPath audit = audit(placement, "CREATE ROLE " + marker + " LOGIN PASSWORD 'owned';\n");
    assertRefused(audit, "SD023", "permission denied to create role");
    assertThat(ServerSql.count("SELECT count(*) FROM pg_roles WHERE rolname = '" + marker + "'"))
        .isZero();
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void alter_role(Placement placement) throws Exception {
    ServerSql.execute("CREATE ROLE " + marker + " LOGIN");
    try {
      JsonPath audit =
          audit(
              placement,
              "ALTER ROLE " + marker + " NOLOGIN;\nALTER ROLE CURRENT_USER SUPERUSER;\n");
      assertRefused(audit, "SD023", "permission denied");
      assertThat(
              ServerSql.count(
                  "SELECT count(*) FROM pg_roles WHERE rolname = '" + marker + "' AND rolcanlogin"))
          .isOne();
    } finally {
      ServerSql.execute("DROP ROLE " + marker);
    }
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void alter_system(Placement placement) throws Exception {
    JsonPath audit = audit(placement, "ALTER SYSTEM SET application_name = '" + marker + "';\n");
    assertRefused(audit, "SD023", "42501: permission denied to set parameter \"application_name\"");
    assertThat(
            ServerSql.count(
                "SELECT count(*) FROM pg_file_settings WHERE setting = '" + marker + "'"))
        .isZero();
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void set_role(Placement placement) throws Exception {
    JsonPath audit =
        audit(placement, "SET ROLE postgres;\nCREATE ROLE " + marker + " SUPERUSER;\n");
    assertRefused(audit, "SD023", "permission denied to set role \"postgres\"");
    assertThat(ServerSql.count("SELECT count(*) FROM pg_roles WHERE rolname = '" + marker + "'"))
        .isZero();
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void set_session_authorization(Placement placement) throws Exception {
    JsonPath audit =
        audit(
            placement,
            "SET SESSION AUTHORIZATION postgres;\nCREATE ROLE " + marker + " SUPERUSER;\n");
    assertRefused(audit, "SD023", "permission denied to set session authorization");
    assertThat(ServerSql.count("SELECT count(*) FROM pg_roles WHERE rolname = '" + marker + "'"))
        .isZero();
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void terminate_and_cancel_other_sessions(Placement placement) throws Exception {
    ServerSql.execute("CREATE ROLE " + marker + " LOGIN");
    try (Connection victim =
        DriverManager.getConnection(TestPostgres.server().jdbcUrl(target.name()), marker, "")) {
      JsonPath audit =
          audit(
              placement,
              "SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE usename = '"
                  + marker
                  + "';\nSELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE pid <> pg_backend_pid();\n");
      assertRefused(
          audit,
          "SD023",
          "42501: must be a member of the role whose query is being canceled or member of "
              + "pg_signal_backend");
      assertThat(victim.isValid(5)).as("the other session is alive").isTrue();
    } finally {
      ServerSql.execute("DROP ROLE " + marker);
    }
  }

  // --- extensions, and the store ---

  @ParameterizedTest
  @EnumSource(Placement.class)
  void an_untrusted_extension(Placement placement) {
    JsonPath audit =
        audit(
            placement,
            "CREATE EXTENSION IF NOT EXISTS \"plpgsql\";\nCREATE EXTENSION \"file_fdw\";\n");
    assertRefused(audit, "SD024", "permission denied to create extension \"file_fdw\"");
    assertThat(finding(audit, "SD024", "help")).contains("DRIFTWATCH_SHADOW_TEMPLATE");
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void a_connection_to_the_store_through_dblink(Placement placement) throws Exception {
    JsonPath audit =
        audit(
            placement,
            "CREATE EXTENSION IF NOT EXISTS dblink;\nSELECT dblink_connect('host="
                + TestPostgres.server().host()
                + " port="
                + TestPostgres.server().port()
                + " dbname="
                + StoreDatabase.current()
                + " user=postgres');\nSELECT * FROM dblink('SELECT database_url_secret FROM environment') AS t(x text);\n");
    assertRefused(audit, "SD024", "dblink");
    assertStoreIntact(audit);
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void drop_the_store_database(Placement placement) throws Exception {
    JsonPath audit =
        audit(placement, "DROP DATABASE \"" + StoreDatabase.current() + "\" WITH (FORCE);\n");
    assertRefused(audit, "SD023", "must be owner of database");
    assertStoreIntact(audit);
  }

  // --- time, memory and the lexer ---

  @ParameterizedTest
  @EnumSource(Placement.class)
  void pg_sleep_600(Placement placement) {
    JsonPath audit = audit(placement, "SELECT pg_sleep(600);\n");
    assertRefused(audit, "SD023", "canceling statement due to statement timeout");
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void pg_sleep_600_with_the_statement_timeout_lifted_by_the_script(Placement placement) {
    JsonPath audit = audit(placement, "SET statement_timeout = 0;\nSELECT pg_sleep(600);\n");
    assertRefused(audit, "SD023", "did not finish within 8 s (driftwatch.shadow.timeout)");
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void pg_sleep_forever_in_one_statement_past_the_replay_timeout(Placement placement) {
    JsonPath audit = audit(placement, "SET statement_timeout = '1h';\nSELECT pg_sleep(100000);\n");
    assertRefused(audit, "SD023", "did not finish within 8 s (driftwatch.shadow.timeout)");
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void a_loop_that_catches_every_cancel_is_terminated(Placement placement) {
    // The statement timeout and the replay's cancel both raise query_canceled, which PL/pgSQL may
    // catch: only the
    // termination after the cancel grace ends this backend.
    JsonPath audit =
        audit(
            placement,
            "DO $$ BEGIN LOOP BEGIN PERFORM pg_sleep(0.1); "
                + "EXCEPTION WHEN query_canceled THEN NULL; END; END LOOP; END $$;\n");
    assertRefused(audit, "SD023", "did not finish within 8 s (driftwatch.shadow.timeout)");
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void a_cpu_bound_recursive_cte(Placement placement) {
    JsonPath audit =
        audit(
            placement,
            "SET statement_timeout = 0;\n"
                + "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r) SELECT max(n) FROM r;\n");
    assertRefused(audit, "SD023", "");
    assertThat(finding(audit, "SD023", "message"))
        .containsAnyOf("did not finish within 8 s", "temp_file_limit");
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void a_query_that_writes_a_huge_temporary_file(Placement placement) {
    JsonPath audit =
        audit(
            placement,
            "SET work_mem = '64kB';\n"
                + "SELECT count(*) FROM (SELECT g, md5(g::text) FROM generate_series(1, 20000000) g ORDER BY 2) sorted;\n");
    assertRefused(audit, "SD023", "temporary file size exceeds temp_file_limit (8192kB)");
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void a_nested_comment_bomb_is_never_sent(Placement placement) {
    JsonPath audit = audit(placement, "/*".repeat(65_536) + "\n");
    assertRefused(audit, "SD023", "PostgreSQL's lexer");
    assertThat(finding(audit, "SD023", "message")).contains("was not replayed");
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void an_operator_bomb_in_a_dollar_quote_is_never_sent(Placement placement) {
    JsonPath audit =
        audit(placement, "DO $body$ BEGIN PERFORM 1 " + "+".repeat(40_000) + " 1; END $body$;\n");
    assertRefused(audit, "SD023", "PostgreSQL's lexer");
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void a_script_over_the_replay_limit_is_never_sent(Placement placement) {
    JsonPath audit = audit(placement, "SELECT 1;\n" + ("-- " + "x".repeat(97) + "\n").repeat(3000));
    assertRefused(
        audit, "SD023", "over the replay limit of 262,144 (driftwatch.shadow.max-script-bytes)");
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void rows_streamed_to_driftwatch_until_the_timeout_are_counted_not_kept(Placement placement) {
    // A set-returning function in the select list streams its rows (one in FROM would spill to a
    // temporary file),
    // 100 KB a row until the replay's time is up: the replay ends at its bound, the rows only
    // counted on the way.
    JsonPath audit =
        audit(
            placement,
            "SET statement_timeout = 0;\n"
                + "SELECT generate_series(1, 1000000000) AS n, repeat('x', 100000) AS padding;\n");
    assertRefused(audit, "SD023", "did not finish within 8 s");
  }

  // --- what the replay role is, seen from inside ---

  @ParameterizedTest
  @EnumSource(Placement.class)
  void the_replay_role_has_no_privilege_and_cannot_reach_the_store(Placement placement) {
    JsonPath audit =
        audit(
            placement,
            """
        DO $$ BEGIN RAISE EXCEPTION 'role=% super=% createdb=% createrole=% replication=% bypassrls=% inherit=% \
        limit=% member_of=% owns_db=% store_connect=% temp_file_limit=%',
          current_user, current_setting('is_superuser'),
          (SELECT rolcreatedb FROM pg_roles WHERE rolname = current_user),
          (SELECT rolcreaterole FROM pg_roles WHERE rolname = current_user),
          (SELECT rolreplication FROM pg_roles WHERE rolname = current_user),
          (SELECT rolbypassrls FROM pg_roles WHERE rolname = current_user),
          (SELECT rolinherit FROM pg_roles WHERE rolname = current_user),
          (SELECT rolconnlimit FROM pg_roles WHERE rolname = current_user),
          (SELECT count(*) FROM pg_auth_members WHERE member = (SELECT oid FROM pg_roles WHERE rolname = current_user)),
          (SELECT pg_get_userbyid(datdba) = current_user FROM pg_database WHERE datname = current_database()),
          has_database_privilege('%s', 'CONNECT'),
          current_setting('temp_file_limit');
        END $$;
        """
                .replace("%s", StoreDatabase.current()));
    String message = finding(audit, ownError(placement), "message");
    assertThat(message)
        .as("the script's own error, as Prisma would see it")
        .containsPattern("role=dw_replay_\\d+_[0-9a-f]{12} ")
        .contains("super=off createdb=f createrole=f replication=f bypassrls=f inherit=f")
        .contains("limit=2 member_of=0 owns_db=t store_connect=f temp_file_limit=8MB");
  }

  @ParameterizedTest
  @EnumSource(Placement.class)
  void an_error_text_is_cut_to_a_bounded_length(Placement placement) {
    JsonPath audit =
        audit(placement, "DO $$ BEGIN RAISE EXCEPTION '%', repeat('A', 100000); END $$;\n");
    String message = finding(audit, ownError(placement), "message");
    assertThat(message).contains("AAAA").contains("…");
    assertThat(message.length()).isLessThan(1_500);
  }

  // --- an applied migration edited in git ---

  @ParameterizedTest
  @EnumSource(value = Placement.class, names = "APPLIED")
  void an_applied_migration_edited_in_git_afterwards_is_replayed_as_git_has_it_now(
      Placement placement) throws Exception {
    String original = "CREATE TABLE \"Post\" (\"id\" SERIAL PRIMARY KEY);\n";
    String edited = original + "COPY (SELECT 'owned') TO PROGRAM 'id > " + markerFile() + "';\n";
    target.sql(original).row(HOSTILE, Checksums.of(original), true);
    try (GitRepo repo = GitRepo.create()) {
      repo.write("prisma/migrations/20240101000000_init/migration.sql", INIT)
          .write("prisma/migrations/" + HOSTILE + "/migration.sql", original)
          .commit("Posts", "Alice", Instant.parse("2024-01-02T00:00:00Z"));
      repo.write("prisma/migrations/" + HOSTILE + "/migration.sql", edited)
          .commit("Tidy the posts migration", "Mallory", Instant.parse("2024-03-01T00:00:00Z"));
      String environment = "edited-" + UUID.randomUUID().toString().substring(0, 8);
      given()
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
                  Map.of("type", "git", "url", repo.url(), "ref", "main", "path", "prisma")))
          .post("/api/v1/environments")
          .then()
          .statusCode(201);
      JsonPath audit = timedAudit(() -> Environments.audit(environment));

      assertThat(
              audit.getList(
                  "findings.findAll { it.migration == '" + HOSTILE + "' }.code", String.class))
          .contains("HI005", "SD023");
      assertThat(finding(audit, "SD023", "message")).contains("pg_execute_server_program");
      assertThat(markerFile()).doesNotExist();
    }
  }

  // --- helpers ---

  private Path markerFile() {
    return Path.of("/tmp", marker);
  }

  /** The hostile migration as the given placement has it; the other migrations are harmless. */
  private JsonPath audit(Placement placement, String sql) {
    folder.migration(HOSTILE, sql);
    if (placement == Placement.APPLIED) {
      target.row(
          HOSTILE, Checksums.of(sql), true); // recorded as applied: its SQL never ran on the target
    }
    return timedAudit(() -> Environments.audit(Environments.register(target, folder)));
  }

  /**
   * The audit, bounded in time, and within seconds after it no replay role, scratch database or
   * replay session (a backend in pg_stat_activity) of its own left.
   */
  private static JsonPath timedAudit(Supplier<JsonPath> audited) {
    long started = System.nanoTime();
    JsonPath audit = audited.get();
    Duration took = Duration.ofNanos(System.nanoTime() - started);
    assertThat(took).as("the audit ends within its bound").isLessThan(AUDIT_BOUND);
    assertThat(audit.getString("outcome")).isNotEqualTo("ERROR");
    assertThat(ShortReplayLimits.sandboxesLeftAfterTeardown())
        .as(
            "replay roles, databases and sessions left %d s after the audit",
            ShortReplayLimits.TEARDOWN_BOUND.toSeconds())
        .isEmpty();
    return audit;
  }

  /** A field of the finding of this code on the hostile migration. */
  private static String finding(JsonPath audit, String code, String field) {
    return audit.getString(
        "findings.find { it.migration == '"
            + HOSTILE
            + "' && it.code == '"
            + code
            + "' }."
            + field);
  }

  /**
   * The script's own error is SD020 when applied (the drift replay stops) and MS019 when pending.
   */
  private static String ownError(Placement placement) {
    return placement == Placement.APPLIED ? "SD020" : "MS019";
  }

  private static void assertRefused(JsonPath audit, String code, String refusal) {
    List<String> codes =
        audit.getList("findings.findAll { it.migration == '" + HOSTILE + "' }.code", String.class);
    assertThat(codes).as("the findings on the hostile migration").contains(code);
    assertThat(finding(audit, code, "message"))
        .as("the finding quotes the refusal")
        .contains(refusal);
  }

  private void assertStoreIntact(JsonPath audit) throws SQLException {
    assertThat(
            ServerSql.count(
                "SELECT count(*) FROM pg_database WHERE datname = '"
                    + StoreDatabase.current()
                    + "'"))
        .isOne();
    given().get("/api/v1/environments/" + audit.getString("environment")).then().statusCode(200);
    try (Connection connection = TestPostgres.server().connect(StoreDatabase.current());
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery("SELECT count(*) FROM environment")) {
      rows.next();
      assertThat(rows.getInt(1)).isPositive();
    }
  }
}
