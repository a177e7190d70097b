package io.driftwatch.database.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.api.Environments;
import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.testing.CsvServerLog;
import io.driftwatch.testing.EmbeddedServer;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgException;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The promise "driftwatch never writes to a watched database", checked on the server's side: audits
 * run as a role that may only connect and read {@code _prisma_migrations}, and two independent
 * records of what that role sent hold nothing but reads: pg_stat_statements (what ran) and the
 * server log with {@code log_statement=all} (what was received, refused statements included).
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class NoWriteProofTest {

  /**
   * The history findings; the schema ones may include SHADOW_SERVER_MISMATCH (this server is not
   * the shadow's).
   */
  private static final String HISTORY_FINDINGS =
      "findings.findAll { it.code.startsWith('HI') }.name";

  private static final String READER = "driftwatch_reader";
  private static final String READER_PASSWORD = "r3ader-pw";

  /**
   * Application names of this test's own sessions as the reader, told apart from the service's
   * ("driftwatch").
   */
  private static final String TEST_SESSION = "no-write-proof";

  private static final String PROBE_SESSION = "no-write-proof-probe";

  private static final String INIT = "20241210000000_init";
  private static final String INIT_SQL =
      "CREATE TABLE \"customers\" (\"id\" TEXT NOT NULL, \"slug\" TEXT NOT NULL);\n";
  private static final String LEADS = "20241226000000_add_leads";
  private static final String LEADS_SQL = "CREATE TABLE \"leads\" (\"id\" TEXT NOT NULL);\n";
  private static final String LANDING = "20260115000000_add_landing_sections";
  private static final String LANDING_SQL =
      "ALTER TABLE \"customers\" ADD COLUMN \"landing\" TEXT NOT NULL;\n";

  /** What a read may start with: a query (WITH ... SELECT too), a transaction boundary, SHOW. */
  private static final Pattern READ =
      Pattern.compile(
          "(?is)^\\s*(SELECT|WITH|BEGIN|START\\s+TRANSACTION|COMMIT|END|ROLLBACK|SHOW)\\b.*");

  /**
   * The one setting a read changes: the catalog reader pins search_path for its own transaction
   * ({@code set_config(..., true)}) so definitions print schema-qualified. pg_stat_statements shows
   * its constants as $n; the server log shows them and the log check sees the literal names.
   */
  private static final Pattern LOCAL_SEARCH_PATH =
      Pattern.compile(
          "(?is)pg_catalog\\.set_config\\(\\s*('(driftwatch\\.)?search_path'|\\$\\d+)\\s*,[^;]*?,\\s*(true|\\$\\d+)\\s*\\)");

  /**
   * What no read holds anywhere: writes, DDL, locks, privilege changes, maintenance, side-effect
   * functions.
   */
  private static final Pattern WRITE =
      Pattern.compile(
          "(?is).*(\\b(INSERT|UPDATE|DELETE|MERGE|CREATE|ALTER|DROP|TRUNCATE"
              + "|COPY|GRANT|REVOKE|LOCK|VACUUM|ANALY[SZ]E|CLUSTER|REINDEX|REFRESH|COMMENT|NOTIFY|PREPARE\\s+TRANSACTION)\\b"
              + "|\\bFOR\\s+(NO\\s+KEY\\s+)?(UPDATE|SHARE|KEY\\s+SHARE)\\b|\\bREAD\\s+WRITE\\b"
              + "|\\b(pg_(try_)?advisory\\w*|set_config|nextval|setval|lo_\\w+|pg_terminate_backend|pg_cancel_backend)\\s*\\().*");

  private static final Pattern READS_HISTORY =
      Pattern.compile("(?is)^\\s*SELECT\\b.*\\bFROM\\s+\"public\"\\._prisma_migrations\\b.*");

  private static EmbeddedServer postgres;
  private static TargetDatabase clean;
  private static TargetDatabase failed;
  private static TargetDatabase pending;

  @Inject Vertx vertx;

  @Inject DriftwatchConfig config;

  private final List<PrismaFolder> folders = new ArrayList<>();

  /** One server for the class: pg_stat_statements loaded, every statement logged as CSV. */
  @BeforeAll
  static void startTargetServer() {
    postgres =
        EmbeddedServer.launch(
            directory -> {
              Map<String, String> settings =
                  new HashMap<>(CsvServerLog.settings(directory.resolve("log")));
              settings.put("shared_preload_libraries", "pg_stat_statements");
              settings.put("pg_stat_statements.track_utility", "on");
              return settings;
            });
    superuser(
        "postgres",
        "CREATE EXTENSION pg_stat_statements",
        "CREATE ROLE "
            + READER
            + " LOGIN PASSWORD '"
            + READER_PASSWORD
            + "'"
            + " NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS NOINHERIT",
        "REVOKE ALL ON DATABASE postgres FROM PUBLIC");
    clean = readOnlyTarget().deploy(INIT, INIT_SQL);
    failed =
        readOnlyTarget()
            .deploy(INIT, INIT_SQL)
            .deployFailed(
                LANDING,
                LANDING_SQL,
                "ERROR: column \"landing\" of relation \"customers\" contains null values");
    pending = readOnlyTarget().deploy(INIT, INIT_SQL);
  }

  @AfterAll
  static void stopTargetServer() {
    if (postgres != null) {
      postgres.close(); // its databases with it
    }
  }

  @AfterEach
  void removeFolders() {
    folders.forEach(PrismaFolder::close);
  }

  /** The premise: the role can read the history and cannot write, whatever its session says. */
  @Test
  void the_reader_may_read_the_history_and_nothing_else() throws SQLException {
    assertThat(
            column(
                "postgres",
                "SELECT concat_ws(',', rolsuper, rolcreatedb, rolcreaterole, rolreplication,"
                    + " rolbypassrls) FROM pg_roles WHERE rolname = '"
                    + READER
                    + "'"))
        .as("superuser, createdb, createrole, replication, bypassrls")
        .containsExactly("f,f,f,f,f");
    for (TargetDatabase database : List.of(clean, failed, pending)) {
      assertThat(
              column(
                  database.name(),
                  "SELECT table_schema || '.' || table_name || ':' || privilege_type"
                      + " FROM information_schema.role_table_grants WHERE grantee = '"
                      + READER
                      + "'"))
          .as("the reader's privileges in %s", database.name())
          .containsExactly("public._prisma_migrations:SELECT");
    }
    try (Connection reader = readerSession(failed);
        Statement statement = reader.createStatement()) {
      try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM _prisma_migrations")) {
        assertThat(rows.next()).isTrue();
        assertThat(rows.getInt(1)).as("the reader reads the history").isEqualTo(2);
      }
      for (String refused :
          List.of(
              "INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES ('x', 'x', 'x')",
              "UPDATE _prisma_migrations SET logs = 'x'",
              "DELETE FROM _prisma_migrations",
              "TRUNCATE _prisma_migrations",
              "CREATE TABLE public.intruder (id int)",
              "CREATE TEMP TABLE intruder (id int)",
              "SELECT * FROM customers")) {
        assertThatThrownBy(() -> statement.execute(refused))
            .as(refused)
            .isInstanceOfSatisfying(
                SQLException.class,
                e ->
                    assertThat(e.getSQLState())
                        .as("%s: permission denied", refused)
                        .isEqualTo("42501"));
      }
    }
  }

  /**
   * A session opened with the options the service's pools use (only its application name changed,
   * to tell it apart): its settings came from the startup packet, and it refuses a write before
   * privileges are even looked at.
   */
  @Test
  void a_session_opened_as_the_service_opens_one_is_read_only() {
    PgConnectOptions options =
        PostgresPools.connectOptions(PostgresUrlSyntax.parse(readerUrl(clean)), config.target());
    assertThat(options.getProperties())
        .containsEntry("application_name", "driftwatch")
        .containsEntry("default_transaction_read_only", "on");
    Map<String, String> probe = new HashMap<>(options.getProperties());
    probe.put("application_name", PROBE_SESSION);
    PgConnection session =
        PgConnection.connect(vertx, new PgConnectOptions(options).setProperties(probe))
            .await()
            .atMost(Duration.ofSeconds(10));
    try {
      Map<String, String> settings = new HashMap<>();
      for (Row row :
          session
              .query(
                  "SELECT name, setting || ' from ' || source AS value FROM pg_settings"
                      + " WHERE name IN ('default_transaction_read_only', 'statement_timeout', 'lock_timeout')")
              .execute()
              .await()
              .atMost(Duration.ofSeconds(10))) {
        settings.put(row.getString("name"), row.getString("value"));
      }
      assertThat(settings)
          .containsEntry("default_transaction_read_only", "on from client")
          .containsEntry(
              "statement_timeout", config.target().statementTimeout().toMillis() + " from client")
          .containsEntry("lock_timeout", config.target().lockTimeout().toMillis() + " from client");
      assertThatThrownBy(
              () ->
                  session
                      .query(
                          "INSERT INTO _prisma_migrations (id, checksum, migration_name)"
                              + " VALUES ('x', 'x', 'x')")
                      .execute()
                      .await()
                      .atMost(Duration.ofSeconds(10)))
          .isInstanceOfSatisfying(
              PgException.class,
              e ->
                  assertThat(e.getSqlState())
                      .as("cannot execute INSERT in a read-only transaction")
                      .isEqualTo("25006"));
    } finally {
      session.close().await().atMost(Duration.ofSeconds(10));
    }
  }

  @Test
  void audits_as_the_reader_send_nothing_but_reads() throws SQLException {
    superuser("postgres", "SELECT pg_stat_statements_reset()");

    JsonPath cleanAudit = audit(clean, folder().migration(INIT, INIT_SQL));
    JsonPath failedAudit =
        audit(failed, folder().migration(INIT, INIT_SQL).migration(LANDING, LANDING_SQL));
    JsonPath pendingAudit =
        audit(pending, folder().migration(INIT, INIT_SQL).migration(LEADS, LEADS_SQL));
    assertThat(cleanAudit.getString("outcome"))
        .as("clean history (error: %s)", cleanAudit.getString("error.message"))
        .isEqualTo("CLEAN");
    assertThat(cleanAudit.getList("history.migrations.state")).containsExactly("APPLIED");
    assertThat(failedAudit.getList(HISTORY_FINDINGS))
        .as("failed migration")
        .containsExactly("FAILED_MIGRATION");
    assertThat(pendingAudit.getList(HISTORY_FINDINGS))
        .as("pending migration")
        .containsExactly("PENDING_MIGRATION");

    // What ran: pg_stat_statements (it keeps only statements that completed).
    Map<String, Long> executed = executedByReader();
    assertThat(executed).as("pg_stat_statements recorded the service's statements").isNotEmpty();
    assertThat(executed.entrySet())
        .as("the history was read, once per audit")
        .filteredOn(entry -> READS_HISTORY.matcher(entry.getKey()).matches())
        .extracting(Map.Entry::getValue)
        .containsExactly(3L);
    assertThat(executed.keySet())
        .as("statements the reader ran")
        .allSatisfy(NoWriteProofTest::assertRead);

    // The service's pooled sessions stay open a while: they announced themselves as driftwatch.
    assertThat(
            column(
                "postgres",
                "SELECT application_name FROM pg_stat_activity WHERE usename = '"
                    + READER
                    + "'"
                    + " AND application_name NOT LIKE '"
                    + TEST_SESSION
                    + "%'"))
        .as("application_name of the service's sessions")
        .isNotEmpty()
        .containsOnly("driftwatch");

    // What was received: the server log, which also keeps statements that were refused (as this
    // one).
    String refused =
        "INSERT INTO _prisma_migrations (id, checksum, migration_name) VALUES ('log', 'log', 'log')";
    try (Connection reader = readerSession(clean);
        Statement statement = reader.createStatement()) {
      assertThatThrownBy(() -> statement.execute(refused)).isInstanceOf(SQLException.class);
    }
    List<CsvServerLog.Record> log;
    try (Connection superuser = postgres.server().connect("postgres")) {
      log =
          CsvServerLog.readThrough(
              CsvServerLog.file(postgres.directory().resolve("log")), superuser);
    }
    assertThat(log)
        .as("the log keeps a refused statement")
        .anySatisfy(
            record -> {
              assertThat(record.severity()).isEqualTo("ERROR");
              assertThat(record.query()).isEqualTo(refused);
            });
    List<CsvServerLog.Record> fromService =
        log.stream()
            .filter(
                record ->
                    READER.equals(record.user()) && "driftwatch".equals(record.applicationName()))
            .toList();
    assertThat(fromService)
        .as("no statement of the service was refused")
        .noneMatch(record -> record.severity().equals("ERROR"));
    List<String> received =
        fromService.stream().flatMap(record -> record.statement().stream()).toList();
    assertThat(received)
        .as("statements the server received from the service")
        .isNotEmpty()
        .anyMatch(sql -> READS_HISTORY.matcher(sql).matches())
        .allSatisfy(NoWriteProofTest::assertRead);
  }

  private static void assertRead(String sql) {
    String withoutLocalSettings = LOCAL_SEARCH_PATH.matcher(sql).replaceAll("local_setting()");
    assertThat(READ.matcher(sql).matches() && !WRITE.matcher(withoutLocalSettings).matches())
        .as("only reads reach the database, but it received:%n%s", sql)
        .isTrue();
  }

  /** Normalised statement text → calls, for the reader's statements in every database. */
  private static Map<String, Long> executedByReader() throws SQLException {
    Map<String, Long> calls = new HashMap<>();
    try (Connection connection = postgres.server().connect("postgres");
        Statement statement = connection.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT s.query, s.calls FROM pg_stat_statements s"
                    + " JOIN pg_roles r ON r.oid = s.userid WHERE r.rolname = '"
                    + READER
                    + "'")) {
      while (rows.next()) {
        calls.merge(rows.getString(1), rows.getLong(2), Long::sum);
      }
    }
    return calls;
  }

  /**
   * A database with Prisma's history table, where the reader has CONNECT, USAGE on the schema and
   * SELECT on the history table: nothing else, not even through PUBLIC.
   */
  private static TargetDatabase readOnlyTarget() {
    TargetDatabase target = TargetDatabase.create(postgres.server(), "public").managedByPrisma();
    superuser(
        "postgres",
        "REVOKE ALL ON DATABASE " + target.name() + " FROM PUBLIC",
        "GRANT CONNECT ON DATABASE " + target.name() + " TO " + READER);
    superuser(
        target.name(),
        "REVOKE ALL ON SCHEMA public FROM PUBLIC",
        "GRANT USAGE ON SCHEMA public TO " + READER,
        "GRANT SELECT ON public._prisma_migrations TO " + READER);
    return target;
  }

  /**
   * A session of this test's as the reader (its application name in the startup packet, not sent as
   * a SET).
   */
  private static Connection readerSession(TargetDatabase target) throws SQLException {
    return DriverManager.getConnection(
        postgres.server().jdbcUrl(target.name())
            + "?ApplicationName="
            + TEST_SESSION
            + "&assumeMinServerVersion=14",
        READER,
        READER_PASSWORD);
  }

  private static String readerUrl(TargetDatabase target) {
    return "postgresql://"
        + READER
        + ":"
        + READER_PASSWORD
        + "@127.0.0.1:"
        + postgres.port()
        + "/"
        + target.name()
        + "?schema=public";
  }

  private PrismaFolder folder() {
    PrismaFolder folder = PrismaFolder.create();
    folders.add(folder);
    return folder;
  }

  private static JsonPath audit(TargetDatabase target, PrismaFolder folder) {
    return Environments.audit(Environments.register(readerUrl(target), folder));
  }

  private static void superuser(String database, String... statements) {
    try (Connection connection = postgres.server().connect(database);
        Statement statement = connection.createStatement()) {
      for (String sql : statements) {
        statement.execute(sql);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("test setup failed on " + database, e);
    }
  }

  private static List<String> column(String database, String sql) throws SQLException {
    List<String> values = new ArrayList<>();
    try (Connection connection = postgres.server().connect(database);
        Statement statement = connection.createStatement();
        ResultSet rows = statement.executeQuery(sql)) {
      while (rows.next()) {
        values.add(rows.getString(1));
      }
    }
    return values;
  }
}
