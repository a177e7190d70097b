package io.driftwatch.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.AuditInput;
import io.driftwatch.core.AuditResult;
import io.driftwatch.core.Scenario;
import io.driftwatch.core.SchemaInput;
import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.TableRows;
import io.driftwatch.core.engine.PlanInputs;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.prisma.ProjectPaths;
import io.driftwatch.core.replay.ExpectedSchema;
import io.driftwatch.core.replay.ExpectedSchema.ReplayFailure;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The commands of a plan, as they must be pasted: for a source whose Prisma project is at {@code
 * packages/prisma} and whose schema is {@code packages/prisma/schema/main.prisma}, not where Prisma
 * looks by default.
 */
class PlanCommandsTest {

  private static final ProjectPaths MONOREPO =
      new ProjectPaths("packages/prisma/migrations", "packages/prisma/schema/main.prisma");
  private static final String SCHEMA = " --schema packages/prisma/schema/main.prisma";

  /**
   * A Prisma command that finds the schema, up to the end of its command line or of the next
   * command.
   */
  private static final Pattern NEEDS_SCHEMA =
      Pattern.compile(
          "npx prisma (?:migrate (?:dev|deploy|resolve|status|reset)|validate)\\b((?:(?!npx prisma)[^`)\\n])*)");

  private final ResolutionPlanner planner = new ResolutionPlanner();

  private ResolutionPlan plan(Scenario scenario, DataPresence data) {
    AuditInput input = scenario.paths(MONOREPO).input();
    return planner.plan(PlanInputs.of(input, scenario.audit(), data));
  }

  private static List<String> commands(ResolutionPlan plan) {
    return plan.steps().stream().map(PlanStep::command).toList();
  }

  /** Every piece of text the plan's steps and the audit's findings show. */
  private static Stream<String> texts(ResolutionPlan plan, List<Finding> findings) {
    return Stream.concat(
        plan.steps().stream()
            .flatMap(step -> Stream.of(step.title(), step.command(), step.why(), step.riskNote())),
        findings.stream().flatMap(finding -> Stream.of(finding.message(), finding.help())));
  }

  @Test
  void the_schema_option_is_given_only_when_the_schema_is_not_at_prisma_s_default_place() {
    assertThat(MONOREPO.deploy()).isEqualTo("npx prisma migrate deploy" + SCHEMA);
    assertThat(MONOREPO.resolveApplied("1_init"))
        .isEqualTo("npx prisma migrate resolve --applied 1_init" + SCHEMA);
    assertThat(ProjectPaths.DEFAULT.deploy()).isEqualTo("npx prisma migrate deploy");
    assertThat(new ProjectPaths("prisma/migrations", "prisma/schema").status())
        .isEqualTo("npx prisma migrate status --schema prisma/schema");
    assertThat(MONOREPO.script("1_init"))
        .isEqualTo("packages/prisma/migrations/1_init/migration.sql");
  }

  @Test
  void a_failed_migration_that_left_nothing_is_rolled_back_then_deployed_with_the_schema_option() {
    ResolutionPlan plan =
        plan(
            Scenario.create()
                .migration("1_init", "SELECT 1;\n")
                .deployed("1_init")
                .migration("2_tables", "CREATE TABLE \"a\" (\"id\" INTEGER);\n")
                .failed("2_tables", "ERROR: deadlock detected")
                .migration("3_more", "CREATE TABLE \"c\" (\"id\" INTEGER);\n")
                .liveCatalog(ResolutionPlannerTest.live()),
            DataPresence.estimated(TableRows.NONE));

    assertThat(commands(plan).stream().filter(command -> !command.isEmpty()))
        .containsExactly(
            "npx prisma migrate resolve --rolled-back 2_tables" + SCHEMA,
            "npx prisma migrate deploy" + SCHEMA);
  }

  @Test
  void the_clean_baseline_works_in_the_source_s_folder() {
    ResolutionPlan plan =
        plan(
            Scenario.create()
                .migration("1_init", "SELECT 1;\n")
                .deployed("1_init")
                .migration(
                    "2_tables",
                    "CREATE TABLE \"a\" (\"id\" INTEGER);\nCREATE TABLE \"b\" (\"id\" INTEGER);\n")
                .failed("2_tables", "ERROR: deadlock detected")
                .migration("3_hotfix", "SELECT 3;\n")
                .deployed("3_hotfix")
                .deleteDirectory("3_hotfix")
                .liveCatalog(ResolutionPlannerTest.live("a")),
            DataPresence.checked(Set.of()));

    assertThat(commands(plan))
        .containsExactly(
            "mv packages/prisma/migrations packages/prisma/migrations_before_baseline",
            "mkdir -p packages/prisma/migrations/0_init && npx prisma migrate diff --from-empty --to-schema-datamodel "
                + "packages/prisma/schema/main.prisma --script > packages/prisma/migrations/0_init/migration.sql",
            "npx prisma migrate reset --force --skip-seed" + SCHEMA,
            "npx prisma migrate deploy" + SCHEMA,
            "npx prisma migrate status" + SCHEMA);
  }

  @Test
  void an_edited_migration_gets_its_own_step_to_restore_or_accept_it() {
    Scenario scenario =
        Scenario.create()
            .migration("1_init", "CREATE TABLE \"a\" (\"id\" INTEGER);\n")
            .deployedScript("1_init", "CREATE TABLE \"a\" (\"id\" BIGINT);\n")
            .liveCatalog(ResolutionPlannerTest.live("a"));
    ResolutionPlan plan = plan(scenario, DataPresence.estimated(TableRows.NONE));

    assertThat(plan.steps())
        .singleElement()
        .satisfies(
            step -> {
              assertThat(step.title())
                  .isEqualTo("Restore the applied script of 1_init, or accept its edit");
              assertThat(step.command())
                  .isEqualTo(
                      "git log -p -- packages/prisma/migrations/1_init/migration.sql  # find "
                          + "the version applied, then: git checkout <commit> -- packages/prisma/migrations/1_init/migration.sql");
              String checksum =
                  scenario.input().source().migrations().get(0).script().orElseThrow().checksum();
              assertThat(step.riskNote())
                  .endsWith(
                      "UPDATE \"public\".\"_prisma_migrations\" SET checksum = '"
                          + checksum
                          + "' WHERE migration_name = '1_init';");
            });
  }

  @Test
  void deploy_is_not_offered_while_a_folder_has_no_migration_sql() {
    Scenario scenario =
        Scenario.create()
            .migration("1_init", "SELECT 1;\n")
            .deployed("1_init")
            .emptyDirectory("2_empty")
            .migration("3_more", "CREATE TABLE \"c\" (\"id\" INTEGER);\n")
            .liveCatalog(ResolutionPlannerTest.live());
    ResolutionPlan plan = plan(scenario, DataPresence.estimated(TableRows.NONE));

    assertThat(plan.steps())
        .extracting(PlanStep::title)
        .containsExactly("Restore the migration.sql of 2_empty");
    assertThat(commands(plan))
        .containsExactly("git log --all --oneline -- 'packages/prisma/migrations/2_empty/'");
    assertThat(plan.steps().get(0).riskNote())
        .contains("git checkout <commit> -- " + "packages/prisma/migrations/2_empty/migration.sql")
        .endsWith("Then: npx prisma migrate deploy" + SCHEMA);
  }

  @Test
  void no_placeholder_and_no_default_path_is_left_in_plans_and_findings() {
    List<Scenario> scenarios =
        List.of(
            Scenario.create()
                .migration("1_init", "SELECT 1;\n")
                .deployed("1_init")
                .migration("2_lost", "SELECT 2;\n")
                .deployed("2_lost")
                .deleteDirectory("2_lost")
                .migration("3_new", "CREATE TABLE \"x\" (\"id\" INTEGER);\n")
                .liveCatalog(ResolutionPlannerTest.live("x")),
            Scenario.create()
                .migration("1_init", "SELECT 1;\n")
                .deployed("1_init")
                .emptyDirectory("2_empty")
                .liveCatalog(ResolutionPlannerTest.live()),
            Scenario.create()
                .migration("1_init", "SELECT 1;\n")
                .failed("1_init", "ERROR: boom")
                .liveCatalog(ResolutionPlannerTest.live()));
    for (Scenario scenario : scenarios) {
      ResolutionPlan plan = plan(scenario, DataPresence.estimated(TableRows.NONE));
      List<Finding> findings = scenario.audit().findings();
      assertThat(texts(plan, findings))
          .isNotEmpty()
          .allSatisfy(
              text ->
                  assertThat(text)
                      .doesNotContain("{name}")
                      .doesNotContainPattern("(?<!packages/)prisma/migrations"));
    }
  }

  /**
   * A schema with a model the migrations create, one only the database has, and a field nobody
   * created.
   */
  private static final String MODELS =
      """
      datasource db {
        provider = "postgresql"
        url      = env("DATABASE_URL")
      }

      model User {
        id    Int    @id
        email String
      }

      model Post {
        id Int @id
      }
      """;

  private static Scenario monorepo(Catalog appliedReplay, Catalog live) {
    ExpectedSchema applied = ExpectedSchema.of(appliedReplay, Set.of(), false);
    return Scenario.create()
        .paths(MONOREPO)
        .schemaFile("main.prisma", MODELS)
        .migration("1_init", "CREATE TABLE \"User\" (\"id\" INTEGER);\n")
        .deployed("1_init")
        .migration("2_name", "ALTER TABLE \"User\" ADD COLUMN \"name\" TEXT;\n")
        .liveCatalog(live)
        .schemaInput(
            SchemaInput.of(
                applied,
                Optional.of(applied),
                "public",
                List.of(),
                Instant.parse("2025-02-01T00:00:00Z")));
  }

  private static void assertPastable(String text) {
    assertThat(text)
        .doesNotContain("{name}")
        .doesNotContainPattern("(?<!packages/)prisma/(migrations|schema)");
    Matcher command = NEEDS_SCHEMA.matcher(text);
    while (command.find()) {
      assertThat(command.group(1)).as("`%s` in: %s", command.group(), text).contains(" --schema ");
    }
  }

  @Test
  void coverage_drift_lint_and_history_findings_name_the_source_s_folder_and_schema() {
    ExpectedSchema failedReplay =
        ExpectedSchema.failed(
            new ReplayFailure("1_init", "42P01", "relation \"Missing\" does not exist"),
            16,
            Set.of());
    List<Scenario> scenarios =
        List.of(
            monorepo(
                ResolutionPlannerTest.live("User"), ResolutionPlannerTest.live("User", "Post")),
            monorepo(ResolutionPlannerTest.live("User"), ResolutionPlannerTest.live("User", "Post"))
                .lockProvider("mysql"),
            monorepo(ResolutionPlannerTest.live("User"), ResolutionPlannerTest.live("User"))
                .schemaFile("main.prisma", "model {")
                .schemaInput(
                    SchemaInput.of(
                        failedReplay, Optional.empty(), "public", List.of(), Instant.EPOCH)));
    Set<String> codes = new TreeSet<>();
    for (Scenario scenario : scenarios) {
      AuditResult audit = scenario.audit();
      ResolutionPlan plan =
          planner.plan(
              PlanInputs.of(scenario.input(), audit, DataPresence.estimated(TableRows.NONE)));
      audit.findings().forEach(finding -> codes.add(finding.code()));
      texts(plan, audit.findings())
          .filter(Objects::nonNull)
          .forEach(PlanCommandsTest::assertPastable);
      audit
          .schema()
          .flatMap(context -> context.coverageUnknown())
          .ifPresent(PlanCommandsTest::assertPastable);
      assertPastable(audit.prismaStatus().output());
    }
    assertThat(codes).contains("CV001", "CV002", "CV003", "MS014", "DH002", "SD020");
  }

  @Test
  void the_status_prisma_would_print_names_the_source_s_schema_and_folder() {
    String status =
        monorepo(ResolutionPlannerTest.live("User"), ResolutionPlannerTest.live("User"))
            .audit()
            .prismaStatus()
            .output();

    assertThat(status)
        .startsWith("Prisma schema loaded from packages/prisma/schema/main.prisma\n")
        .contains("2 migrations found in packages/prisma/migrations\n");
  }
}
