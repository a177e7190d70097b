package io.driftwatch.core.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.AuditResult;
import io.driftwatch.core.Scenario;
import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.Column;
import io.driftwatch.core.catalog.ForeignKey;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.ReferentialAction;
import io.driftwatch.core.catalog.Table;
import io.driftwatch.core.catalog.TableRows;
import io.driftwatch.core.finding.Finding;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A pending migration of a MySQL database, shaped as Prisma writes one, through the whole engine:
 * MySQL's statements read as what they do, PostgreSQL's lock advice left out, MySQL's own said.
 */
class MySqlLintTest {

  private static final String CHANGE =
      """
      -- DropForeignKey
      ALTER TABLE `Post` DROP FOREIGN KEY `Post_authorId_fkey`;

      -- DropIndex
      DROP INDEX `Post_title_idx` ON `Post`;

      -- AlterTable
      ALTER TABLE `Post` MODIFY `title` VARCHAR(500) NOT NULL,
          ADD COLUMN `slug` VARCHAR(191) NOT NULL;

      -- CreateIndex
      CREATE INDEX `Post_slug_idx` ON `Post`(`slug`);

      -- AddForeignKey
      ALTER TABLE `Post` ADD CONSTRAINT `Post_authorId_fkey` FOREIGN KEY (`authorId`) REFERENCES `User`(`id`) ON DELETE CASCADE ON UPDATE CASCADE;

      INSERT INTO `Post` (`title`) VALUES ('it\\'s; not the end');
      # a comment; with a semicolon
      UPDATE `Post` SET `title` = 'x';
      """;

  private static AuditResult audit() {
    QualifiedName post = QualifiedName.of("app", "Post");
    Table table =
        new Table(
            post,
            List.of(
                Column.of("id", "int(11)", false),
                Column.of("title", "varchar(191)", false),
                Column.of("authorId", "int(11)", false)),
            Optional.empty(),
            List.of(),
            List.of(
                new ForeignKey(
                    "Post_authorId_fkey",
                    List.of("authorId"),
                    QualifiedName.of("app", "User"),
                    List.of("id"),
                    ReferentialAction.RESTRICT,
                    ReferentialAction.CASCADE,
                    "FOREIGN KEY (`authorId`) REFERENCES `app`.`User`(`id`)",
                    false)),
            List.of(),
            List.of(),
            List.of(
                new io.driftwatch.core.catalog.Index(
                    "Post_title_idx",
                    false,
                    false,
                    false,
                    "btree",
                    List.of(io.driftwatch.core.catalog.IndexKey.column("title")),
                    List.of(),
                    Optional.empty(),
                    "CREATE INDEX `Post_title_idx` ON `app`.`Post`(`title`)",
                    true,
                    false)),
            Optional.empty(),
            Optional.empty());
    Catalog live =
        new Catalog(
            10,
            List.of("app"),
            List.of(
                table,
                Table.of(
                    QualifiedName.of("app", "User"), List.of(Column.of("id", "int(11)", false)))),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    return Scenario.mysql()
        .migration("20250101000000_init", "SELECT 1;")
        .deployed("20250101000000_init")
        .migration("20250201000000_change", CHANGE)
        .liveCatalog(live)
        .rowEstimates(new TableRows(Map.of(post, 5000L)))
        .audit();
  }

  private static List<String> codes(AuditResult result) {
    return result.findings().stream().map(Finding::code).toList();
  }

  @Test
  void mysqls_statements_are_read_as_what_they_do() {
    AuditResult result = audit();
    assertThat(codes(result))
        .as(
            "DROP FOREIGN KEY is no DROP COLUMN, and both objects it drops exist: %s",
            result.findings().stream().map(Finding::message).toList())
        .doesNotContain("MS002", "MS018");
  }

  @Test
  void postgresqls_lock_advice_is_not_given_to_mysql() {
    assertThat(codes(audit()))
        .doesNotContain("MS003", "MS006", "MS007", "MS008", "MS013", "MS014", "MS016");
  }

  @Test
  void mysqls_own_hazards_are_named_in_its_terms() {
    AuditResult result = audit();
    assertThat(codes(result)).contains("MS005", "MS010", "MS015", "MS022", "MS023");
    Finding required = finding(result, "MS005");
    assertThat(required.message())
        .contains("MySQL gives every existing row")
        .doesNotContain("PostgreSQL");
    Finding insert = finding(result, "MS015");
    assertThat(insert.message()).contains("without IGNORE or ON DUPLICATE KEY UPDATE");
    assertThat(insert.help()).contains("INSERT IGNORE");
    assertThat(finding(result, "MS010").help()).contains("`id` BETWEEN");
    assertThat(result.findings().stream().filter(f -> f.code().equals("MS023")).count())
        .as("the MODIFY and the foreign key copy the table")
        .isEqualTo(2);
  }

  @Test
  void a_guarded_insert_is_safe_to_run_twice() {
    AuditResult result =
        Scenario.mysql()
            .migration(
                "a",
                "INSERT IGNORE INTO `T` VALUES (1);\nINSERT INTO `T` VALUES (2) ON DUPLICATE KEY UPDATE `id` = 2;\n")
            .audit();
    assertThat(codes(result)).doesNotContain("MS015");
  }

  private static Finding finding(AuditResult result, String code) {
    return result.findings().stream().filter(f -> f.code().equals(code)).findFirst().orElseThrow();
  }
}
