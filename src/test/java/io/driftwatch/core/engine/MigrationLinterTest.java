package io.driftwatch.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.lint.LintContext;
import io.driftwatch.core.lint.MigrationLint;
import io.driftwatch.core.rules.DropTableRule;
import io.driftwatch.core.rules.LintRule;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;

class MigrationLinterTest {

  private final MigrationLinter linter = new MigrationLinter();

  /** A first migration as prisma migrate dev writes it: new tables only, nothing to warn about. */
  private static final String CREATE_TABLES =
      """
      -- CreateEnum
      CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');

      -- CreateTable
      CREATE TABLE "User" (
          "id" SERIAL NOT NULL,
          "email" TEXT NOT NULL,
          "role" "Role" NOT NULL DEFAULT 'USER',
          "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

          CONSTRAINT "User_pkey" PRIMARY KEY ("id")
      );

      -- CreateTable
      CREATE TABLE "Post" (
          "id" SERIAL NOT NULL,
          "authorId" INTEGER NOT NULL,

          CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
      );

      -- CreateIndex
      CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

      -- AddForeignKey
      ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
      """;

  @Test
  void prisma_migration_creating_tables_has_no_findings() {
    assertThat(linter.lint(new MigrationLint("20240101000000_init", CREATE_TABLES))).isEmpty();
  }

  @Test
  void required_column_on_a_live_table_is_reported_by_each_concerned_rule() {
    String sql =
        """
        -- AlterTable
        ALTER TABLE "User" ADD COLUMN "name" TEXT NOT NULL;

        -- CreateIndex
        CREATE INDEX "User_name_idx" ON "User"("name");
        """;
    assertThat(linter.lint(new MigrationLint("20240201000000_name", sql, Map.of("User", 250_000L))))
        .extracting(Finding::code, Finding::severity, Finding::migration)
        .containsExactlyInAnyOrder(
            Tuple.tuple("MS005", Severity.ERROR, "20240201000000_name"),
            Tuple.tuple("MS006", Severity.WARNING, "20240201000000_name"),
            Tuple.tuple("MS014", Severity.WARNING, "20240201000000_name"));
  }

  @Test
  void the_same_migration_on_an_empty_table_is_quiet() {
    String sql =
        "ALTER TABLE \"User\" ADD COLUMN \"name\" TEXT NOT NULL;\nCREATE INDEX \"i\" ON \"User\"(\"name\");";
    assertThat(linter.lint(new MigrationLint("m", sql, Map.of("public.User", 0L)))).isEmpty();
  }

  @Test
  void a_never_analyzed_table_is_of_unknown_size_not_empty() {
    LintContext context =
        LintContext.of(new MigrationLint("m", "SELECT 1;", Map.of("User", -1L, "Tag", 0L)));
    assertThat(context.rowEstimate(QualifiedName.of("public", "User"))).isEmpty();
    assertThat(context.knownEmpty(QualifiedName.of("public", "User"))).isFalse();
    assertThat(context.knownEmpty(QualifiedName.of("public", "Tag"))).isTrue();
  }

  @Test
  void a_large_script_lints_in_linear_time() {
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      sql.append("CREATE TABLE \"T").append(i).append("\" (\"id\" INTEGER);\n");
      sql.append("ALTER TABLE \"T").append(i).append("\" ADD COLUMN \"a\" TEXT NOT NULL;\n");
    }
    Assertions.assertTimeoutPreemptively(
        Duration.ofSeconds(20),
        () -> assertThat(linter.lint(new MigrationLint("m", sql.toString()))).isEmpty());
  }

  @Test
  void lone_statement_runs_outside_a_transaction() {
    assertThat(
            LintContext.of(new MigrationLint("m", "CREATE INDEX CONCURRENTLY i ON t(c);"))
                .runsInTransaction())
        .isFalse();
    assertThat(
            LintContext.of(
                    new MigrationLint(
                        "m", "SET lock_timeout = '5s';\nCREATE INDEX CONCURRENTLY i ON t(c);"))
                .runsInTransaction())
        .isTrue();
  }

  @Test
  void a_rule_lists_fifty_findings_of_a_migration_then_counts_the_rest() {
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < 130; i++) {
      sql.append("DROP TABLE \"t").append(i).append("\";\n");
    }
    List<Finding> drops =
        linter.lint(new MigrationLint("m", sql.toString())).stream()
            .filter(f -> f.code().equals("MS001"))
            .toList();

    assertThat(drops).hasSize(MigrationLinter.MAX_FINDINGS_PER_RULE + 1);
    assertThat(drops.get(MigrationLinter.MAX_FINDINGS_PER_RULE).message())
        .startsWith("80 more statements of `m` give this finding (MS001): the first 50 are listed")
        .contains("The first of them: Line 51 drops table \"t50\"");
  }

  @Test
  void a_script_of_more_statements_than_the_lint_reads_is_linted_in_part_and_says_so() {
    String sql = "SELECT 1;\n".repeat(LintContext.MAX_STATEMENTS + 5) + "DROP TABLE \"late\";\n";
    LintContext context = LintContext.of(new MigrationLint("m", sql));

    assertThat(context.statements()).hasSize(LintContext.MAX_STATEMENTS);
    assertThat(context.statementCount()).isEqualTo(LintContext.MAX_STATEMENTS + 6);
    List<Finding> findings = linter.lint(new MigrationLint("m", sql));
    assertThat(findings).extracting(Finding::code).containsExactly("MS020");
    assertThat(findings.get(0).message())
        .contains("holds 20,006 statements: the safety lint read its first 20,000");
  }

  @Test
  void a_rule_that_fails_on_a_script_is_a_finding_and_the_other_rules_still_judge_it() {
    LintRule throwing =
        rule(
            "MS901",
            "THROWING",
            context -> {
              throw new IllegalStateException("unexpected");
            });
    LintRule overflowing = rule("MS902", "OVERFLOWING", context -> List.of(finding(overflow(0))));
    MigrationLinter guarded =
        new MigrationLinter(List.of(throwing, new DropTableRule(), overflowing));

    List<Finding> findings =
        guarded.lint(new MigrationLint("20240101000000_x", "DROP TABLE \"User\";"));

    assertThat(findings).extracting(Finding::code).containsExactly("DH006", "MS001", "DH006");
    assertThat(findings.get(0).migration()).isEqualTo("20240101000000_x");
    assertThat(findings.get(0).message())
        .startsWith(
            "The check MS901 (THROWING) failed on `20240101000000_x` "
                + "instead of judging it: IllegalStateException: unexpected at ")
        .contains("every other check ran");
    assertThat(findings.get(2).message()).contains("MS902 (OVERFLOWING)", "StackOverflowError");
  }

  private static Finding finding(int depth) {
    throw new AssertionError("never reached: " + depth);
  }

  private static int overflow(int depth) {
    return overflow(depth + 1) + 1;
  }

  private static LintRule rule(
      String code, String name, Function<LintContext, List<Finding>> check) {
    FindingType type = new FindingType(code, name, Severity.WARNING, "A test rule.");
    return new LintRule() {
      @Override
      public FindingType type() {
        return type;
      }

      @Override
      public List<Finding> check(LintContext context) {
        return check.apply(context);
      }
    };
  }
}
