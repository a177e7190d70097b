package io.driftwatch.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.testing.MySqlTargetDatabase;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.StoreDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The history scenarios of {@link AuditResourceTest}, on the MariaDB every machine runs (MySQL 8
 * where DRIFTWATCH_TEST_MYSQL_URL or Docker gives one), with migrations shaped as Prisma writes
 * them for {@code provider = "mysql"}.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class MySqlAuditResourceTest {

  static final String INIT = "20241210000000_init";
  static final String INIT_SQL =
      """
      -- CreateTable
      CREATE TABLE `customers` (
          `id` VARCHAR(191) NOT NULL,
          `slug` VARCHAR(191) NOT NULL,
          `plan` ENUM('FREE', 'PRO') NOT NULL DEFAULT 'FREE',
          `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),

          UNIQUE INDEX `customers_slug_key`(`slug`),
          PRIMARY KEY (`id`)
      ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
      """;
  static final String LEADS = "20241226000000_add_leads";
  static final String LEADS_SQL =
      """
      -- CreateTable
      CREATE TABLE `leads` (
          `id` VARCHAR(191) NOT NULL,
          `customerId` VARCHAR(191) NOT NULL,

          PRIMARY KEY (`id`)
      ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

      -- AddForeignKey
      ALTER TABLE `leads` ADD CONSTRAINT `leads_customerId_fkey` FOREIGN KEY (`customerId`) REFERENCES `customers`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;
      """;

  private MySqlTargetDatabase target;
  private PrismaFolder folder;

  @BeforeEach
  void createTargetAndFolder() {
    target = MySqlTargetDatabase.create().managedByPrisma();
    folder = PrismaFolder.create().lockProvider("mysql");
  }

  @AfterEach
  void cleanUp() {
    target.close();
    folder.close();
  }

  private JsonPath audit() {
    return Environments.audit(Environments.register(target.prismaUrl(), folder));
  }

  private static List<String> historyFindings(JsonPath audit) {
    return audit.getList(
        "findings.findAll { it.code.startsWith('HI') || it.code.startsWith('DH') }.name");
  }

  private static String stateOf(JsonPath audit, String migration) {
    return audit.getString("history.migrations.find { it.name == '" + migration + "' }.state");
  }

  @Test
  void clean_history_is_clean_and_prisma_is_up_to_date() {
    folder.migration(INIT, INIT_SQL).migration(LEADS, LEADS_SQL);
    target.deploy(INIT, INIT_SQL).deploy(LEADS, LEADS_SQL);
    JsonPath audit = audit();

    assertThat(audit.getString("error")).isNull();
    assertThat(audit.getString("history.state")).isEqualTo("IN_SYNC");
    assertThat(audit.getList("history.migrations.state")).containsExactly("APPLIED", "APPLIED");
    assertThat(audit.getList("history.migrations.checksumMatches")).containsExactly(true, true);
    assertThat(historyFindings(audit)).isEmpty();
    assertThat(audit.getInt("prismaStatus.exitCode")).isZero();
    assertThat(audit.getString("prismaStatus.output"))
        .contains(
            "Datasource \"db\": MySQL database \""
                + target.name()
                + "\" at \""
                + target.server().host()
                + ":"
                + target.server().port()
                + "\"")
        .contains("Database schema is up to date!");
    assertThat(audit.getString("target.schema")).isEqualTo(target.name());
    // Replayed on the MySQL shadow server, the migrations build exactly the live schema.
    assertThat(audit.getString("drift.status")).isEqualTo("CHECKED");
    assertThat(audit.getInt("drift.count")).isZero();
    assertThat(schemaFindings(audit)).isEmpty();
    assertThat(audit.getString("outcome")).isEqualTo("CLEAN");
  }

  private static List<String> schemaFindings(JsonPath audit) {
    return audit.getList(
        "findings.findAll { (it.code.startsWith('SD') || it.code.startsWith('CV')) && it.code != 'CV005' }.name");
  }

  @Test
  void a_trigger_with_a_compound_body_replays_whole() {
    String trigger = "20250101000000_slug_trigger";
    String triggerSql =
        """
        -- A hand-written trigger: its BEGIN ... END body holds statements of its own.
        CREATE TRIGGER `customers_slug` BEFORE INSERT ON `customers` FOR EACH ROW
        BEGIN
          IF NEW.`slug` = '' THEN
            SET NEW.`slug` = LOWER(NEW.`id`);
          END IF;
        END;
        """;
    folder.migration(INIT, INIT_SQL).migration(trigger, triggerSql);
    target.deploy(INIT, INIT_SQL).deploy(trigger, triggerSql);
    JsonPath audit = audit();

    assertThat(audit.getString("drift.status")).isEqualTo("CHECKED");
    assertThat(audit.getInt("drift.count")).isZero();
    assertThat(schemaFindings(audit)).isEmpty();
    assertThat(audit.getList("findings.code")).doesNotContain("MS017", "SD020");
  }

  @Test
  void coverage_reads_prismas_mysql_schema_enums_inline() throws Exception {
    folder.migration(INIT, INIT_SQL);
    target.deploy(INIT, INIT_SQL);
    java.nio.file.Files.writeString(
        folder.root().resolve("schema.prisma"),
        """
        datasource db {
          provider = "mysql"
        }

        model Customer {
          id        String   @id
          slug      String   @unique
          plan      Plan     @default(FREE)
          createdAt DateTime @default(now())

          @@map("customers")
        }

        model Lead {
          id String @id
        }

        enum Plan {
          FREE
          PRO
          TEAM
        }
        """);
    JsonPath audit = audit();

    assertThat(audit.getString("coverage.status")).isNotNull();
    assertThat(schemaFindings(audit))
        .as("Lead has no migration; Plan lives inline in customers.plan, TEAM is not in it yet")
        .containsExactlyInAnyOrder("MODEL_WITHOUT_MIGRATION", "FIELD_WITHOUT_MIGRATION");
    assertThat(audit.getString("findings.find { it.name == 'MODEL_WITHOUT_MIGRATION' }.message"))
        .contains("Lead");
    assertThat(audit.getString("findings.find { it.name == 'FIELD_WITHOUT_MIGRATION' }.message"))
        .contains("TEAM");
  }

  @Test
  void db_push_drift_is_a_table_no_migration_creates_with_mysql_catch_up_sql() {
    folder.migration(INIT, INIT_SQL);
    target
        .deploy(INIT, INIT_SQL)
        .sql(
            "CREATE TABLE `audit_log` (`id` INTEGER NOT NULL AUTO_INCREMENT, `at` DATETIME(3) NOT"
                + " NULL DEFAULT CURRENT_TIMESTAMP(3), PRIMARY KEY (`id`)) DEFAULT CHARACTER SET"
                + " utf8mb4 COLLATE utf8mb4_unicode_ci");
    JsonPath audit = audit();

    assertThat(schemaFindings(audit)).containsExactly("UNTRACKED_TABLE");
    assertThat(audit.getString("outcome")).isEqualTo("DRIFT");
    String db = target.name();
    assertThat(audit.getString("drift.catchUp.sql"))
        .contains("CREATE TABLE `" + db + "`.`audit_log` (")
        .contains("`id` int(11) NOT NULL AUTO_INCREMENT")
        .contains("PRIMARY KEY (`id`)");
    assertThat(audit.getString("drift.items[0].restoreSql"))
        .isEqualTo("DROP TABLE `" + db + "`.`audit_log`;");
    assertThat(audit.getList("drift.catchUp.commands", String.class))
        .anySatisfy(
            command -> assertThat(command).startsWith("npx prisma migrate resolve --applied"));
  }

  @Test
  void manual_drift_is_a_column_changed_by_hand_restated_with_modify() {
    folder.migration(INIT, INIT_SQL);
    target.deploy(INIT, INIT_SQL).sql("ALTER TABLE `customers` MODIFY `slug` VARCHAR(255) NULL");
    JsonPath audit = audit();

    assertThat(schemaFindings(audit)).contains("CHANGED_COLUMN");
    String db = target.name();
    assertThat(audit.getString("drift.catchUp.sql"))
        .contains("ALTER TABLE `" + db + "`.`customers` MODIFY COLUMN `slug` varchar(255) NULL;");
    assertThat(audit.getString("drift.restore.sql"))
        .contains(
            "ALTER TABLE `" + db + "`.`customers` MODIFY COLUMN `slug` varchar(191) NOT NULL;");
  }

  @Test
  void the_replay_sandbox_reaches_no_other_database_and_is_dropped() throws Exception {
    String escape = "20250101000000_escape";
    String escapeSql = "CREATE TABLE `mysql`.`dw_evil` (`id` INT);\n";
    folder.migration(INIT, INIT_SQL).migration(escape, escapeSql);
    target.deploy(INIT, INIT_SQL).row(escape, io.driftwatch.testing.Checksums.of(escapeSql), true);
    JsonPath audit = audit();

    assertThat(audit.getString("drift.status")).isNotEqualTo("CHECKED");
    assertThat(audit.getString("findings.find { it.code == 'SD023' }.message")).contains(escape);
    try (Connection root = target.server().connect("");
        Statement statement = root.createStatement()) {
      try (var rows =
          statement.executeQuery(
              "SELECT COUNT(*) FROM information_schema.TABLES WHERE TABLE_SCHEMA = 'mysql' AND"
                  + " TABLE_NAME = 'dw_evil'")) {
        rows.next();
        assertThat(rows.getInt(1)).as("the script could not write outside its sandbox").isZero();
      }
      try (var rows =
          statement.executeQuery(
              "SELECT COUNT(*) FROM information_schema.SCHEMATA WHERE SCHEMA_NAME LIKE"
                  + " 'dw\\_replay\\_%'")) {
        rows.next();
        assertThat(rows.getInt(1)).as("no sandbox database is left").isZero();
      }
      try (var rows =
          statement.executeQuery(
              "SELECT COUNT(*) FROM mysql.user WHERE User LIKE 'dw\\_replay\\_%'")) {
        rows.next();
        assertThat(rows.getInt(1)).as("no sandbox user is left").isZero();
      }
    }
  }

  @Test
  void pending_migration() {
    folder.migration(INIT, INIT_SQL).migration(LEADS, LEADS_SQL);
    target.deploy(INIT, INIT_SQL);
    JsonPath audit = audit();

    assertThat(audit.getString("history.state")).isEqualTo("DATABASE_BEHIND");
    assertThat(stateOf(audit, LEADS)).isEqualTo("PENDING");
    assertThat(historyFindings(audit)).containsExactly("PENDING_MIGRATION");
    assertThat(audit.getString("findings.find { it.name == 'PENDING_MIGRATION' }.help"))
        .contains("npx prisma migrate deploy");
    assertThat(audit.getInt("prismaStatus.exitCode")).isEqualTo(1);
  }

  @Test
  void phantom_migration_where_prisma_says_up_to_date() {
    folder.migration(INIT, INIT_SQL);
    target.deploy(INIT, INIT_SQL).deploy("20251113220938_add_customer_slug", "SELECT 1;");
    JsonPath audit = audit();

    assertThat(audit.getString("history.state")).isEqualTo("FOLDER_BEHIND");
    assertThat(stateOf(audit, "20251113220938_add_customer_slug")).isEqualTo("PHANTOM");
    assertThat(historyFindings(audit)).containsExactly("PHANTOM_MIGRATION");
    assertThat(audit.getInt("prismaStatus.exitCode")).isZero();
  }

  @Test
  void failed_migration_half_applied_blocks_deploy() {
    folder.migration(INIT, INIT_SQL).migration(LEADS, LEADS_SQL);
    String createLeads = LEADS_SQL.substring(0, LEADS_SQL.indexOf("-- AddForeignKey"));
    target
        .deploy(INIT, INIT_SQL)
        .deployFailedAfter(
            LEADS,
            LEADS_SQL,
            List.of(createLeads),
            "Database error code: 1005\n\nDatabase error:\nCan't create table `leads` (errno: 150"
                + " \"Foreign key constraint is incorrectly formed\")")
        .sql("INSERT INTO `customers` (`id`, `slug`) VALUES ('c1', 'acme')"); // data: no baseline
    JsonPath audit = audit();

    assertThat(stateOf(audit, LEADS)).isEqualTo("FAILED");
    assertThat(historyFindings(audit)).contains("FAILED_MIGRATION");
    assertThat(audit.getString("findings.find { it.name == 'FAILED_MIGRATION' }.message"))
        .contains("P3009")
        .contains("Database error code: 1005");
    // MySQL committed the CREATE TABLE before the foreign key failed: the plan finishes the rest.
    assertThat(audit.getString("plan.failed[0].verdict")).isEqualTo("PARTLY_APPLIED");
    assertThat(audit.getList("plan.failed[0].finishSql", String.class))
        .containsExactly(
            "ALTER TABLE `leads` ADD CONSTRAINT `leads_customerId_fkey` FOREIGN KEY (`customerId`)"
                + " REFERENCES `customers`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;");
    assertThat(audit.getList("plan.failed[0].undoSql", String.class))
        .containsExactly("DROP TABLE `" + target.name() + "`.`leads`;");
    assertThat(audit.getString("plan.steps[0].riskNote"))
        .contains("MySQL commits each DDL statement as it runs")
        .doesNotContain("BEGIN;");
    assertThat(audit.getString("plan.steps[1].command"))
        .isEqualTo("npx prisma migrate resolve --applied " + LEADS);
    assertThat(audit.getString("findings.find { it.name == 'FAILED_MIGRATION' }.help"))
        .contains("npx prisma migrate resolve --rolled-back \"" + LEADS + "\"");
    assertThat(audit.getString("prismaStatus.output"))
        .contains("Following migration have failed:\n" + LEADS);
  }

  @Test
  void edited_migration_prisma_stays_silent() {
    folder.migration(INIT, INIT_SQL.replace("`slug` VARCHAR(191) NOT NULL", "`slug` VARCHAR(64)"));
    target.deploy(INIT, INIT_SQL);
    JsonPath audit = audit();

    assertThat(audit.getBoolean("history.migrations[0].checksumMatches")).isFalse();
    assertThat(historyFindings(audit)).containsExactly("EDITED_MIGRATION");
    // The edited script builds another column than the one that ran: the replay sees it.
    assertThat(schemaFindings(audit)).containsExactly("CHANGED_COLUMN");
    assertThat(audit.getInt("prismaStatus.exitCode")).isZero();
  }

  @Test
  void crlf_checkout_matches_lf_row() {
    folder.migration(INIT, INIT_SQL.replace("\n", "\r\n"));
    target.deploy(INIT, INIT_SQL);
    JsonPath audit = audit();

    assertThat(audit.getBoolean("history.migrations[0].checksumMatches")).isTrue();
    assertThat(historyFindings(audit)).isEmpty();
  }

  @Test
  void diverged_histories_name_the_last_common_migration() {
    folder.migration(INIT, INIT_SQL).migration(LEADS, LEADS_SQL);
    target.deploy(INIT, INIT_SQL).deploy("20251113220938_add_customer_slug", "SELECT 1;");
    JsonPath audit = audit();

    assertThat(audit.getString("history.state")).isEqualTo("DIVERGED");
    assertThat(audit.getString("history.lastCommonMigration")).isEqualTo(INIT);
    assertThat(historyFindings(audit))
        .contains("PHANTOM_MIGRATION", "HISTORIES_DIVERGED", "PENDING_MIGRATION");
  }

  @Test
  void empty_directory_without_script() {
    folder.migration(INIT, INIT_SQL).emptyDirectory("20250101000000_empty");
    target.deploy(INIT, INIT_SQL);
    JsonPath audit = audit();

    assertThat(historyFindings(audit)).contains("MISSING_MIGRATION_SCRIPT", "PENDING_MIGRATION");
    assertThat(audit.getString("findings.find { it.name == 'MISSING_MIGRATION_SCRIPT' }.message"))
        .contains("P3015");
  }

  @Test
  void deploy_in_progress_is_not_a_failure() throws Exception {
    folder.migration(INIT, INIT_SQL).migration(LEADS, LEADS_SQL);
    target.deploy(INIT, INIT_SQL).deployFailed(LEADS, LEADS_SQL, null);
    try (Connection deploy = target.server().connect(target.name());
        Statement statement = deploy.createStatement()) {
      statement.execute("SELECT GET_LOCK('prisma_migrate', 10)");
      JsonPath audit = audit();
      assertThat(stateOf(audit, LEADS)).isEqualTo("APPLYING");
      assertThat(audit.getBoolean("target.deployInProgress")).isTrue();
      assertThat(historyFindings(audit))
          .containsExactly("DEPLOY_IN_PROGRESS")
          .doesNotContain("FAILED_MIGRATION");
      statement.execute("SELECT RELEASE_LOCK('prisma_migrate')");
    }
  }

  @Test
  void not_managed_database_needs_a_baseline() {
    try (MySqlTargetDatabase unmanaged =
        MySqlTargetDatabase.create().sql("CREATE TABLE `customers` (`id` INT PRIMARY KEY)")) {
      folder.migration(INIT, INIT_SQL);
      JsonPath audit = Environments.audit(Environments.register(unmanaged.prismaUrl(), folder));
      assertThat(audit.getString("history.state")).isEqualTo("NOT_MANAGED");
      assertThat(historyFindings(audit)).containsExactly("NOT_MANAGED");
    }
  }

  @Test
  void a_postgresql_lock_file_on_a_mysql_database_is_p3019() {
    folder.lockProvider("postgresql").migration(INIT, INIT_SQL);
    target.deploy(INIT, INIT_SQL);
    JsonPath audit = audit();
    assertThat(historyFindings(audit)).containsExactly("PROVIDER_MISMATCH");
    assertThat(audit.getString("prismaStatus.output")).contains("P3019");
  }

  @Test
  void rejected_login_is_an_error_audit_naming_the_user_not_the_password() {
    folder.migration(INIT, INIT_SQL);
    String url =
        "mysql://no_such_user:hunter2@"
            + target.server().host()
            + ":"
            + target.server().port()
            + "/"
            + target.name();
    JsonPath audit = Environments.audit(Environments.register(url, folder));
    assertThat(audit.getString("outcome")).isEqualTo("ERROR");
    assertThat(audit.getString("error.stage")).isEqualTo("DATABASE");
    assertThat(audit.getString("error.message"))
        .contains("authentication failed for user `no_such_user`")
        .doesNotContain("hunter2");
  }
}
