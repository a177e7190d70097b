package io.driftwatch.core.lint;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.Severity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MigrationLinterTest {

  private final MigrationLinter linter = new MigrationLinter();

  /** A first migration as prisma migrate dev writes it: new tables only, nothing to warn about. */
  private static final String CREATE_TABLES = """
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
    String sql = """
        -- AlterTable
        ALTER TABLE "User" ADD COLUMN "name" TEXT NOT NULL;

        -- CreateIndex
        CREATE INDEX "User_name_idx" ON "User"("name");
        """;
    assertThat(linter.lint(new MigrationLint("20240201000000_name", sql, Map.of("User", 250_000L))))
        .extracting(Finding::code, Finding::severity, Finding::migration)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple("MS005", Severity.ERROR, "20240201000000_name"),
            org.assertj.core.groups.Tuple.tuple("MS006", Severity.WARNING, "20240201000000_name"),
            org.assertj.core.groups.Tuple.tuple("MS014", Severity.WARNING, "20240201000000_name"));
  }

  @Test
  void the_same_migration_on_an_empty_table_is_quiet() {
    String sql = "ALTER TABLE \"User\" ADD COLUMN \"name\" TEXT NOT NULL;\nCREATE INDEX \"i\" ON \"User\"(\"name\");";
    assertThat(linter.lint(new MigrationLint("m", sql, Map.of("public.User", 0L)))).isEmpty();
  }

  @Test
  void a_never_analyzed_table_is_of_unknown_size_not_empty() {
    LintContext context = LintContext.of(new MigrationLint("m", "SELECT 1;", Map.of("User", -1L, "Tag", 0L)));
    assertThat(context.rowEstimate("\"User\"")).isEmpty();
    assertThat(context.knownEmpty("\"User\"")).isFalse();
    assertThat(context.knownEmpty("public.\"Tag\"")).isTrue();
  }

  @Test
  void a_large_script_lints_in_linear_time() {
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < 5_000; i++) {
      sql.append("CREATE TABLE \"T").append(i).append("\" (\"id\" INTEGER);\n");
      sql.append("ALTER TABLE \"T").append(i).append("\" ADD COLUMN \"a\" TEXT NOT NULL;\n");
    }
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20),
        () -> assertThat(linter.lint(new MigrationLint("m", sql.toString()))).isEmpty());
  }

  @Test
  void lone_statement_runs_outside_a_transaction() {
    assertThat(LintContext.of(new MigrationLint("m", "CREATE INDEX CONCURRENTLY i ON t(c);")).runsInTransaction())
        .isFalse();
    assertThat(LintContext.of(new MigrationLint("m", "SET lock_timeout = '5s';\nCREATE INDEX CONCURRENTLY i ON t(c);"))
        .runsInTransaction()).isTrue();
  }
}
