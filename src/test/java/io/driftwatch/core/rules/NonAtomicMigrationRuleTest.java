package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.dialect.postgres.PostgresSql;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.Severity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NonAtomicMigrationRuleTest {

  private final NonAtomicMigrationRule rule = new NonAtomicMigrationRule();

  private static final String ALTERS_TWO =
      """
      -- AlterTable
      ALTER TABLE `Post` ADD COLUMN `slug` VARCHAR(191) NULL;

      -- CreateIndex
      CREATE UNIQUE INDEX `Post_slug_key` ON `Post`(`slug`);
      """;

  @Test
  void mysql_err_two_changes_of_an_existing_table_are_committed_one_by_one() {
    List<Finding> findings = LintCheck.runMySql(rule, ALTERS_TWO, Map.of("Post", 10L));
    assertThat(findings).hasSize(1);
    Finding finding = findings.get(0);
    assertThat(finding.severity()).isEqualTo(Severity.INFO);
    assertThat(finding.line()).isEqualTo(2);
    assertThat(finding.message())
        .contains("one of 2 schema statements MySQL commits one by one")
        .contains("P3009");
    assertThat(finding.help()).contains("npx prisma migrate dev --create-only");
  }

  @Test
  void mysql_err_row_changes_beside_them_make_it_a_warning() {
    List<Finding> findings =
        LintCheck.runMySql(
            rule, ALTERS_TWO + "UPDATE `Post` SET `slug` = `id`;\n", Map.of("Post", 10L));
    assertThat(findings)
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING));
  }

  @Test
  void mysql_ok_new_tables_only_or_a_single_statement_say_nothing() {
    String creates =
        """
        CREATE TABLE `A` (`id` INTEGER NOT NULL, PRIMARY KEY (`id`));
        CREATE TABLE `B` (`id` INTEGER NOT NULL, `a` INTEGER NOT NULL, PRIMARY KEY (`id`));
        ALTER TABLE `B` ADD CONSTRAINT `B_a_fkey` FOREIGN KEY (`a`) REFERENCES `A`(`id`);
        """;
    assertThat(LintCheck.runMySql(rule, creates, Map.of())).isEmpty();
    assertThat(
            LintCheck.runMySql(
                rule, "ALTER TABLE `Post` ADD COLUMN `x` INT NULL;\n", Map.of("Post", 10L)))
        .isEmpty();
  }

  @Test
  void postgresql_ok_runs_the_script_as_one_transaction() {
    assertThat(rule.speaks(PostgresSql.INSTANCE)).isFalse();
  }
}
