package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.dialect.postgres.PostgresSql;
import io.driftwatch.core.finding.Finding;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableCopyRuleTest {

  private final TableCopyRule rule = new TableCopyRule();

  @Test
  void mysql_err_a_restated_column_a_foreign_key_and_a_dropped_primary_key_copy_the_table() {
    String sql =
        """
        -- AlterTable
        ALTER TABLE `Post` MODIFY `title` VARCHAR(500) NOT NULL;

        -- AddForeignKey
        ALTER TABLE `Post` ADD CONSTRAINT `Post_authorId_fkey` FOREIGN KEY (`authorId`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

        ALTER TABLE `Post` DROP PRIMARY KEY;
        ALTER TABLE `Post` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;
        """;
    List<Finding> findings = LintCheck.runMySql(rule, sql, Map.of("Post", 2_000_000L));
    assertThat(findings).extracting(Finding::line).containsExactly(2, 5, 7, 8);
    assertThat(findings.get(0).message())
        .contains("restates column `title` (a type change) on `Post` (about 2,000,000 rows)")
        .contains("ALGORITHM=COPY");
    assertThat(findings.get(1).message()).contains("adds foreign key `Post_authorId_fkey`");
    assertThat(findings.get(1).help())
        .contains("SET foreign_key_checks = 0;")
        .contains("LEFT JOIN");
    assertThat(findings.get(2).message()).contains("drops the primary key");
    assertThat(findings.get(3).message()).contains("converts the character set");
    assertThat(findings.get(0).help())
        .contains("gh-ost")
        .contains("npx prisma migrate resolve --applied");
  }

  @Test
  void mysql_err_fulltext_and_spatial_indexes_lock_writes_out() {
    String sql =
        """
        -- CreateIndex
        CREATE FULLTEXT INDEX `Post_body_idx` ON `Post`(`body`);

        ALTER TABLE `Post` ADD SPATIAL INDEX `Post_place_idx`(`place`);
        CREATE TABLE `Note` (`id` INT NOT NULL, `body` TEXT NOT NULL, FULLTEXT INDEX `Note_body_idx`(`body`), PRIMARY KEY (`id`));
        """;
    List<Finding> findings = LintCheck.runMySql(rule, sql, Map.of("Post", 50_000L));
    assertThat(findings).extracting(Finding::line).containsExactly(2, 4);
    assertThat(findings.get(0).message())
        .contains("builds FULLTEXT index `Post_body_idx` on `Post` (about 50,000 rows)")
        .contains("LOCK=SHARED")
        .contains("first FULLTEXT index rebuilds the whole table");
    assertThat(findings.get(1).message()).contains("builds SPATIAL index `Post_place_idx`");
  }

  @Test
  void mysql_ok_online_changes_and_new_tables_are_not_reported() {
    String sql =
        """
        ALTER TABLE `Post` ADD COLUMN `slug` VARCHAR(191) NULL;
        CREATE INDEX `Post_slug_idx` ON `Post`(`slug`);
        ALTER TABLE `Post` ALTER COLUMN `title` SET DEFAULT 'x';
        CREATE TABLE `Tag` (`id` INTEGER NOT NULL, `postId` INTEGER NOT NULL, PRIMARY KEY (`id`));
        ALTER TABLE `Tag` ADD CONSTRAINT `Tag_postId_fkey` FOREIGN KEY (`postId`) REFERENCES `Post`(`id`);
        """;
    assertThat(LintCheck.runMySql(rule, sql, Map.of("Post", 2_000_000L))).isEmpty();
    assertThat(
            LintCheck.runMySql(
                rule, "ALTER TABLE `Post` MODIFY `title` TEXT NOT NULL;\n", Map.of("Post", 0L)))
        .as("an empty table copies in no time")
        .isEmpty();
  }

  @Test
  void postgresql_ok_has_rules_of_its_own() {
    assertThat(rule.speaks(PostgresSql.INSTANCE)).isFalse();
  }
}
