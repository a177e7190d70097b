package io.driftwatch.core.prisma;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.AuditResult;
import io.driftwatch.core.Scenario;
import io.driftwatch.core.history.MigrationScript;
import io.driftwatch.core.prisma.PrismaDiagnosis.Diagnostic;
import org.junit.jupiter.api.Test;

/** {@code prisma migrate status}, case by case (semantics, section 4). */
class PrismaStatusTest {

  @Test
  void in_sync_is_up_to_date_exit_0() {
    AuditResult result =
        Scenario.create().migration("20240101000000_a").deployed("20240101000000_a").audit();
    assertThat(result.prismaStatus().exitCode()).isZero();
    assertThat(result.prismaStatus().output())
        .contains("1 migration found in prisma/migrations")
        .contains("Database schema is up to date!");
  }

  @Test
  void phantom_still_up_to_date_exit_0() {
    AuditResult result =
        Scenario.create()
            .migration("20240101000000_a")
            .deployed("20240101000000_a")
            .deployed("20240102000000_phantom")
            .audit();
    assertThat(result.prismaDiagnosis().history())
        .contains(Diagnostic.MIGRATIONS_DIRECTORY_IS_BEHIND);
    assertThat(result.prismaStatus().exitCode()).isZero();
    assertThat(result.prismaStatus().output()).contains("Database schema is up to date!");
  }

  @Test
  void edited_still_up_to_date_exit_0() {
    AuditResult result =
        Scenario.create()
            .migration("20240101000000_a", "CREATE TABLE a (id int);\n")
            .deployedScript("20240101000000_a", "CREATE TABLE a (id bigint);\n")
            .audit();
    assertThat(result.prismaDiagnosis().editedMigrationNames()).containsExactly("20240101000000_a");
    assertThat(result.prismaStatus().exitCode()).isZero();
    assertThat(result.prismaStatus().output()).contains("Database schema is up to date!");
  }

  @Test
  void pending_lists_unapplied_exit_1() {
    AuditResult result =
        Scenario.create()
            .migration("20240101000000_a")
            .deployed("20240101000000_a")
            .migration("20240102000000_b")
            .migration("20240103000000_c")
            .audit();
    assertThat(result.prismaStatus().exitCode()).isEqualTo(1);
    assertThat(result.prismaStatus().output())
        .contains(
            "Following migrations have not yet been applied:\n20240102000000_b\n20240103000000_c\n")
        .contains("prisma migrate deploy");
  }

  @Test
  void pending_is_checked_before_failed() {
    AuditResult result =
        Scenario.create()
            .migration("20240101000000_a")
            .failed("20240101000000_a", "boom")
            .migration("20240102000000_b")
            .audit();
    assertThat(result.prismaStatus().output())
        .contains("have not yet been applied")
        .doesNotContain("failed");
  }

  @Test
  void diverged_names_last_common_and_both_sides_exit_1() {
    AuditResult result =
        Scenario.create()
            .migration("20240101000000_a")
            .deployed("20240101000000_a")
            .migration("20240103000000_c")
            .deployed("20240102000000_phantom")
            .audit();
    assertThat(result.prismaDiagnosis().history()).contains(Diagnostic.HISTORIES_DIVERGE);
    assertThat(result.prismaStatus().exitCode()).isEqualTo(1);
    assertThat(result.prismaStatus().output())
        .contains("The last common migration is: 20240101000000_a")
        .contains("have not yet been applied:\n20240103000000_c\n")
        .contains("not found locally in prisma/migrations:\n20240102000000_phantom\n");
  }

  @Test
  void one_not_in_folder_entry_per_row() {
    AuditResult result =
        Scenario.create()
            .migration("20240101000000_a")
            .deployed("20240101000000_a")
            .failed("20240102000000_p", "boom")
            .resolvedRolledBack("20240102000000_p")
            .deployed("20240102000000_p")
            .audit();
    assertThat(result.prismaDiagnosis().unpersistedMigrationNames())
        .containsExactly("20240102000000_p", "20240102000000_p");
  }

  @Test
  void failed_lists_failed_with_resolve_hints_exit_1() {
    AuditResult result =
        Scenario.create().migration("20240101000000_a").failed("20240101000000_a", "boom").audit();
    assertThat(result.prismaStatus().exitCode()).isEqualTo(1);
    assertThat(result.prismaStatus().output())
        .contains("Following migration have failed:\n20240101000000_a\n")
        .contains("prisma migrate resolve --rolled-back \"20240101000000_a\"")
        .contains("prisma migrate resolve --applied \"20240101000000_a\"");
  }

  @Test
  void oldest_row_is_compared_quirk_16927() {
    AuditResult result =
        Scenario.create()
            .migration("20240101000000_a", "fixed;\n")
            .failedWithChecksum(
                "20240101000000_a", MigrationScript.of("broken;\n").checksum(), "boom")
            .resolvedRolledBack("20240101000000_a")
            .deployed("20240101000000_a")
            .audit();
    assertThat(result.prismaDiagnosis().editedMigrationNames()).containsExactly("20240101000000_a");
  }

  @Test
  void no_table_and_no_migrations_is_not_managed_exit_1() {
    AuditResult result = Scenario.create().noHistoryTable(true).audit();
    assertThat(result.prismaStatus().exitCode()).isEqualTo(1);
    assertThat(result.prismaStatus().output())
        .contains("No migration found in prisma/migrations")
        .contains("The current database is not managed by Prisma Migrate.");
  }

  @Test
  void no_table_with_migrations_lists_them_as_unapplied() {
    AuditResult result =
        Scenario.create().migration("20240101000000_a").noHistoryTable(true).audit();
    assertThat(result.prismaStatus().exitCode()).isEqualTo(1);
    assertThat(result.prismaStatus().output())
        .contains("Following migration have not yet been applied:\n20240101000000_a");
  }

  @Test
  void missing_script_fails_status_only_with_a_row_p3015() {
    AuditResult withoutRow =
        Scenario.create()
            .migration("20240101000000_a")
            .deployed("20240101000000_a")
            .emptyDirectory("20240102000000_empty")
            .audit();
    assertThat(withoutRow.prismaStatus().output()).doesNotContain("P3015");

    AuditResult withRow =
        Scenario.create().emptyDirectory("20240101000000_a").deployed("20240101000000_a").audit();
    assertThat(withRow.prismaStatus().exitCode()).isEqualTo(1);
    assertThat(withRow.prismaStatus().output())
        .contains("Error: P3015")
        .contains("prisma/migrations/20240101000000_a/migration.sql");
  }

  @Test
  void provider_mismatch_p3019() {
    AuditResult result =
        Scenario.create().migration("a").deployed("a").lockProvider("mysql").audit();
    assertThat(result.prismaStatus().exitCode()).isEqualTo(1);
    assertThat(result.prismaStatus().output()).contains("Error: P3019").contains("`mysql`");
  }

  @Test
  void datasource_line_is_printed_first() {
    AuditResult result = Scenario.create().audit();
    assertThat(result.prismaStatus().output())
        .startsWith(
            "Prisma schema loaded from prisma/schema.prisma\n"
                + "Datasource \"db\": PostgreSQL database \"app\", schema \"public\" at \"localhost:5432\"\n");
  }
}
