package io.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.TargetDatabase;
import io.driftwatch.testing.TestPostgres;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code driftwatch check --database-url}: the engine run here against a real PostgreSQL and a
 * folder, each exit code and each format, the SARIF validated against the SARIF 2.1.0 schema.
 */
class CheckCommandLocalTest {

  private static final String INIT = "20240101000000_init";
  private static final String INIT_SQL =
      "CREATE TABLE \"User\" (\"id\" SERIAL NOT NULL, \"email\" TEXT NOT NULL,"
          + " CONSTRAINT \"User_pkey\" PRIMARY KEY (\"id\"));\n";
  private static final String DROP = "20240201000000_drop_email";
  private static final String DROP_SQL = "-- drop\nALTER TABLE \"User\" DROP COLUMN \"email\";\n";
  private static final String SCHEMA =
      "datasource db {\n  provider = \"postgresql\"\n}\n\nmodel User {\n"
          + "  id    Int    @id @default(autoincrement())\n  email String\n}\n";

  private TargetDatabase target;
  private PrismaFolder folder;

  /** What one run of the command printed, and its exit code. */
  record Run(int exit, String out, String err) {}

  @BeforeEach
  void create() throws Exception {
    target = TargetDatabase.create().managedByPrisma().deploy(INIT, INIT_SQL);
    folder = PrismaFolder.create().migration(INIT, INIT_SQL);
    Files.writeString(folder.root().resolve("schema.prisma"), SCHEMA);
  }

  @AfterEach
  void cleanUp() {
    target.close();
    folder.close();
  }

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = DriftwatchCommand.run(new PrintWriter(out), new PrintWriter(err), Map.of(), args);
    return new Run(exit, out.toString(), err.toString());
  }

  private Run check(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("check", "--database-url", target.prismaUrl(), "--dir", folder.path()));
    args.addAll(List.of(more));
    return run(args.toArray(String[]::new));
  }

  @Test
  void a_database_in_step_with_its_folder_passes_and_says_what_it_read() {
    Run run = check("--environment", "production-eu");

    assertThat(run.exit()).as(run.err()).isZero();
    assertThat(run.out())
        .startsWith("driftwatch check: PASS for production-eu\n")
        .contains("History: IN_SYNC, 1 applied")
        .contains("Verdict: PASS (nothing the policy fails or warns on)");
  }

  @Test
  void a_pending_migration_warns_exit_0_and_with_strict_exit_2() {
    folder.migration(DROP, DROP_SQL);

    Run lenient = check();
    Run strict = check("--strict");

    assertThat(lenient.exit()).isEqualTo(ExitCode.PASS.code());
    assertThat(lenient.out())
        .contains("driftwatch check: WARN")
        .contains("PENDING     " + DROP)
        .contains("MS002 DROP_COLUMN  " + DROP + ":2")
        .contains("fix: Remove the field from schema.prisma");
    assertThat(strict.exit()).isEqualTo(ExitCode.WARN.code());
  }

  @Test
  void a_failed_migration_fails_the_policy_exit_1() {
    target.deployFailed(DROP, DROP_SQL, "ERROR: lock timeout");
    folder.migration(DROP, DROP_SQL);

    Run run = check();

    assertThat(run.exit()).isEqualTo(ExitCode.FAIL.code());
    assertThat(run.out()).contains("FAILED      " + DROP).contains("FAIL HI004 " + DROP);
  }

  @Test
  void the_policy_is_the_callers_when_given() {
    folder.migration(DROP, DROP_SQL);

    assertThat(check("--fail-on", "MS002").exit()).isEqualTo(ExitCode.FAIL.code());
    assertThat(check("--fail-on", "HI002", "--warn-on", "CV").exit()).isZero();
    assertThat(check("--fail-on", "HI002", "--warn-on", "CV", "--strict").exit()).isZero();
  }

  @Test
  void a_database_that_cannot_be_read_exits_3_and_says_why() {
    Run run =
        run(
            "check",
            "--database-url",
            "postgresql://postgres@127.0.0.1:1/nothing",
            "--dir",
            folder.path());

    assertThat(run.exit()).isEqualTo(ExitCode.UNREADABLE.code());
    assertThat(run.out()).contains("The check could not run: cannot read the database");
  }

  @Test
  void a_folder_without_migrations_exits_3() throws Exception {
    Path empty = Files.createTempDirectory(folder.root().getParent(), "no-migrations");
    try {
      Run run = run("check", "--database-url", target.prismaUrl(), "--dir", empty.toString());
      assertThat(run.exit()).isEqualTo(ExitCode.UNREADABLE.code());
    } finally {
      Files.delete(empty);
    }
  }

  @Test
  void bad_usage_exits_4_with_the_reason() {
    assertThat(run("check").exit()).isEqualTo(ExitCode.USAGE.code());
    assertThat(run("check", "--bogus").err()).contains("Unknown option: '--bogus'");
    assertThat(check("--format", "yaml"))
        .satisfies(r -> assertThat(r.exit()).isEqualTo(4))
        .satisfies(r -> assertThat(r.err()).contains("--format must be text, json"));
    assertThat(check("--fail-on", "XX9").exit()).isEqualTo(4);
    assertThat(check("--tier", "moon").err()).contains("--tier must be one of");
    assertThat(check("--ref", "main").err()).contains("--ref needs --server");
    assertThat(check("--server", "http://127.0.0.1:1").err())
        .contains("--server and --database-url exclude each other");
    assertThat(check("--timeout", "soon").exit()).isEqualTo(4);
    assertThat(run("check", "--database-url", "mysql://root@127.0.0.1/x?sslaccept=maybe").exit())
        .isEqualTo(4);
    assertThat(run("check", "--database-url", target.prismaUrl(), "--dir", "/nonexistent/x").err())
        .contains("is not a folder");
    assertThat(check("--migrations", "../elsewhere").exit()).isEqualTo(4);
  }

  @Test
  void json_is_the_check_as_the_service_serves_it() throws Exception {
    folder.migration(DROP, DROP_SQL);

    JsonNode check = new ObjectMapper().readTree(check("--format", "json").out());

    assertThat(check.path("verdict").asText()).isEqualTo("WARN");
    assertThat(check.path("environment").asText()).isEqualTo("local");
    assertThat(check.path("audit").path("history").path("state").asText())
        .isEqualTo("DATABASE_BEHIND");
    assertThat(check.path("reasons").findValuesAsText("code")).contains("HI001", "MS002");
  }

  @Test
  void markdown_is_the_pull_request_comment() {
    folder.migration(DROP, DROP_SQL);

    String markdown = check("--format", "markdown").out();

    assertThat(markdown)
        .startsWith("### driftwatch: ⚠️ WARN for `local`\n")
        .contains("| ⚠️ | MS002 | " + DROP + " |");
  }

  @Test
  void github_annotations_point_at_the_line_of_the_script() {
    folder.migration(DROP, DROP_SQL);

    String annotations =
        check("--format", "github", "--migrations-folder", "prisma/migrations").out();

    assertThat(annotations.lines())
        .anySatisfy(
            line ->
                assertThat(line)
                    .startsWith(
                        "::warning file=prisma/migrations/"
                            + DROP
                            + "/migration.sql,line=2,title=MS002 DROP_COLUMN::Line 2 drops column"))
        .allSatisfy(line -> assertThat(line).startsWith("::"))
        .last()
        .isEqualTo("::notice title=driftwatch WARN::3 finding(s) decided the verdict");
  }

  @Test
  void sarif_is_valid_sarif_2_1_0_with_results_at_file_and_line() throws Exception {
    folder.migration(DROP, DROP_SQL);
    target.deployFailed("20240115000000_half", "SELECT 1;\n", "ERROR: boom");
    folder.migration("20240115000000_half", "SELECT 1;\n");

    String sarif = check("--format", "sarif").out();

    JsonNode log = new ObjectMapper().readTree(sarif);
    List<Error> errors = sarifSchema().validate(log);
    assertThat(errors).as("SARIF schema errors").isEmpty();
    JsonNode results = log.at("/runs/0/results");
    assertThat(results.findValuesAsText("ruleId")).contains("MS002", "HI004");
    JsonNode drop = null;
    for (JsonNode result : results) {
      if (result.path("ruleId").asText().equals("MS002")) {
        drop = result;
      }
    }
    assertThat(drop).isNotNull();
    assertThat(drop.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
        .endsWith("migrations/" + DROP + "/migration.sql");
    assertThat(drop.at("/locations/0/physicalLocation/region/startLine").asInt()).isEqualTo(2);
    assertThat(drop.path("level").asText()).isEqualTo("warning");
    assertThat(log.at("/runs/0/tool/driver/rules").findValuesAsText("id"))
        .containsAll(results.findValuesAsText("ruleId"));
    for (JsonNode result : results) {
      if (result.path("ruleId").asText().equals("HI004")) {
        assertThat(result.path("level").asText()).isEqualTo("error");
      }
    }
  }

  @Test
  void with_a_shadow_server_drift_is_measured() {
    target.sql("CREATE TABLE \"Extra\" (\"id\" INTEGER)");
    TestPostgres.Server server = TestPostgres.server();

    Run run = check("--shadow-url", server.prismaUrl("postgres", "public"));
    Run without = check();

    assertThat(run.exit()).as(run.err()).isEqualTo(ExitCode.FAIL.code());
    assertThat(run.out())
        .contains("Schema drift: 1 difference(s)")
        .contains("FAIL SD001 public.Extra  (SD:WARNING@production)");
    assertThat(without.out())
        .contains("no shadow server was given (--shadow-url): schema drift was not checked");
    assertThat(
            check("--shadow-url", server.prismaUrl("postgres", "public"), "--tier", "staging")
                .exit())
        .as("drift fails on production only")
        .isZero();
  }

  static Schema sarifSchema() throws Exception {
    try (InputStream in =
        CheckCommandLocalTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
    }
  }
}
