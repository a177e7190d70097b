package io.driftwatch.database.mysql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.core.TargetSnapshot;
import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.Column;
import io.driftwatch.core.catalog.Index;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.ReferentialAction;
import io.driftwatch.core.catalog.Table;
import io.driftwatch.database.DatabaseDialects;
import io.driftwatch.database.PrismaDatabaseUrl;
import io.driftwatch.database.TargetUnavailableException;
import io.driftwatch.testing.Checksums;
import io.driftwatch.testing.MySqlTargetDatabase;
import io.driftwatch.testing.StoreDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The MySQL reader against the MariaDB (or MySQL) every machine runs: history rows as Prisma writes
 * them, the deploy lock, and the catalog of a Prisma-shaped schema.
 */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class MySqlTargetReaderTest {

  private static final Duration WAIT = Duration.ofSeconds(30);

  /** What `prisma migrate dev` writes for a small MySQL schema, and a few hand-made objects. */
  static final String SCHEMA_SQL =
      """
      -- CreateTable
      CREATE TABLE `User` (
          `id` INTEGER NOT NULL AUTO_INCREMENT,
          `email` VARCHAR(191) NOT NULL,
          `name` VARCHAR(191) NULL,
          `role` ENUM('USER', 'ADMIN') NOT NULL DEFAULT 'USER',
          `active` BOOLEAN NOT NULL DEFAULT true,
          `createdAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
          `touchedAt` DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
          `code` VARCHAR(32) COLLATE utf8mb4_bin NOT NULL DEFAULT 'a''b',

          UNIQUE INDEX `User_email_key`(`email`),
          PRIMARY KEY (`id`)
      ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

      -- CreateTable
      CREATE TABLE `Post` (
          `id` INTEGER NOT NULL AUTO_INCREMENT,
          `title` VARCHAR(500) NOT NULL,
          `body` TEXT NOT NULL,
          `authorId` INTEGER NOT NULL,

          INDEX `Post_authorId_idx`(`authorId`),
          INDEX `Post_title_idx`(`title`(100) DESC),
          FULLTEXT INDEX `Post_body_idx`(`body`),
          PRIMARY KEY (`id`)
      ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;

      -- AddForeignKey
      ALTER TABLE `Post` ADD CONSTRAINT `Post_authorId_fkey` FOREIGN KEY (`authorId`) REFERENCES `User`(`id`) ON DELETE RESTRICT ON UPDATE CASCADE;

      ALTER TABLE `Post` ADD CONSTRAINT `Post_title_check` CHECK (char_length(`title`) > 0);
      CREATE VIEW `PostTitles` AS SELECT `id`, `title` FROM `Post`;
      CREATE TRIGGER `Post_touch` BEFORE UPDATE ON `Post` FOR EACH ROW SET NEW.`title` = TRIM(NEW.`title`);
      """;

  @Inject DatabaseDialects dialects;
  @Inject Vertx vertx;
  @Inject DriftwatchConfig config;

  private MySqlTargetDatabase target;

  @BeforeEach
  void createTarget() {
    target = MySqlTargetDatabase.create();
  }

  @AfterEach
  void dropTarget() {
    target.close();
  }

  private TargetSnapshot read() {
    return read(target.prismaUrl());
  }

  private TargetSnapshot read(String url) {
    PrismaDatabaseUrl parsed = dialects.parse(url);
    return dialects.read(UUID.randomUUID(), parsed).await().atMost(WAIT);
  }

  @Test
  void history_rows_are_read_as_prisma_wrote_them_in_utc() {
    target
        .managedByPrisma()
        .deploy("20250101000000_init", "SELECT 1;\n")
        .deployFailed("20250102000000_second", "SELECT 2;\n", "Error: boom");
    TargetSnapshot snapshot = read();

    assertThat(snapshot.provider()).isEqualTo("mysql");
    assertThat(snapshot.historyTableExists()).isTrue();
    assertThat(snapshot.schemaHasTables()).isFalse();
    assertThat(snapshot.deployLockHeld()).isFalse();
    assertThat(snapshot.datasource().schema()).isEqualTo(target.name());
    assertThat(snapshot.rows()).hasSize(2);
    assertThat(snapshot.rows().get(0).migrationName()).isEqualTo("20250101000000_init");
    assertThat(snapshot.rows().get(0).checksum()).isEqualTo(Checksums.of("SELECT 1;\n"));
    assertThat(snapshot.rows().get(0).startedAt()).isEqualTo(Instant.parse("2025-01-01T00:01:00Z"));
    assertThat(snapshot.rows().get(0).finishedAt())
        .isEqualTo(Instant.parse("2025-01-01T00:02:00Z"));
    assertThat(snapshot.rows().get(1).finishedAt()).isNull();
    assertThat(snapshot.rows().get(1).logs()).isEqualTo("Error: boom");
  }

  @Test
  void tables_without_history_mean_not_managed() {
    target.sql("CREATE TABLE `legacy` (`id` INT PRIMARY KEY)");
    TargetSnapshot snapshot = read();
    assertThat(snapshot.historyTableExists()).isFalse();
    assertThat(snapshot.schemaHasTables()).isTrue();
    assertThat(snapshot.rows()).isEmpty();
  }

  @Test
  void a_deploy_holding_prismas_lock_is_seen_and_the_lock_is_not_taken() throws Exception {
    target.managedByPrisma();
    try (Connection deploy = target.server().connect(target.name());
        Statement statement = deploy.createStatement()) {
      statement.execute("SELECT GET_LOCK('prisma_migrate', 10)");
      assertThat(read().deployLockHeld()).isTrue();
      try (ResultSet owner =
          statement.executeQuery("SELECT IS_USED_LOCK('prisma_migrate') = CONNECTION_ID()")) {
        owner.next();
        assertThat(owner.getBoolean(1)).as("the deploy still holds the lock").isTrue();
      }
      statement.execute("SELECT RELEASE_LOCK('prisma_migrate')");
    }
    assertThat(read().deployLockHeld()).isFalse();
  }

  @Test
  void the_catalog_holds_what_prismas_mysql_sql_builds() {
    target.managedByPrisma().sql(SCHEMA_SQL);
    Catalog catalog = read().catalog().orElseThrow();
    String db = target.name();

    assertThat(catalog.schemas()).containsExactly(db);
    assertThat(catalog.enums()).as("MySQL enums are inline").isEmpty();
    assertThat(catalog.tables().stream().map(t -> t.name().name()))
        .containsExactly("Post", "User", "_prisma_migrations");

    Table user = catalog.table(QualifiedName.of(db, "User")).orElseThrow();
    assertThat(user.columns().stream().map(Column::name))
        .containsExactly("id", "email", "name", "role", "active", "createdAt", "touchedAt", "code");
    Column id = user.column("id").orElseThrow();
    assertThat(id.autoIncrement()).isTrue();
    assertThat(id.type()).startsWith("int");
    assertThat(user.column("email").orElseThrow().type()).isEqualTo("varchar(191)");
    assertThat(user.column("name").orElseThrow().nullable()).isTrue();
    assertThat(user.column("name").orElseThrow().defaultExpression()).isEmpty();
    Column role = user.column("role").orElseThrow();
    assertThat(role.type()).isEqualTo("enum('USER','ADMIN')");
    assertThat(role.defaultExpression()).contains("'USER'");
    assertThat(user.column("active").orElseThrow().type()).isEqualTo("tinyint(1)");
    assertThat(user.column("active").orElseThrow().defaultExpression()).contains("1");
    assertThat(user.column("createdAt").orElseThrow().type()).isEqualTo("datetime(3)");
    assertThat(user.column("createdAt").orElseThrow().defaultExpression().orElseThrow())
        .isEqualToIgnoringCase("current_timestamp(3)");
    assertThat(user.column("createdAt").orElseThrow().onUpdate()).isEmpty();
    assertThat(user.column("touchedAt").orElseThrow().onUpdate().orElseThrow())
        .isEqualToIgnoringCase("current_timestamp(3)");
    Column code = user.column("code").orElseThrow();
    assertThat(code.collation()).contains("utf8mb4_bin");
    assertThat(code.defaultExpression()).contains("'a''b'");
    assertThat(user.column("email").orElseThrow().collation())
        .as("the table's collation is not repeated")
        .isEmpty();
    assertThat(user.primaryKey().orElseThrow().columns()).containsExactly("id");
    Index email = user.index("User_email_key").orElseThrow();
    assertThat(email.unique()).isTrue();
    assertThat(email.definition())
        .isEqualTo("CREATE UNIQUE INDEX `User_email_key` ON `" + db + "`.`User`(`email`)");

    Table post = catalog.table(QualifiedName.of(db, "Post")).orElseThrow();
    Index title = post.index("Post_title_idx").orElseThrow();
    assertThat(title.keys().get(0).prefixLength()).contains(100);
    assertThat(title.definition()).contains("`title`(100)");
    Index body = post.index("Post_body_idx").orElseThrow();
    assertThat(body.method()).isEqualTo("fulltext");
    assertThat(body.definition()).startsWith("CREATE FULLTEXT INDEX `Post_body_idx`");
    assertThat(post.foreignKeys()).hasSize(1);
    var fk = post.foreignKeys().get(0);
    assertThat(fk.name()).isEqualTo("Post_authorId_fkey");
    assertThat(fk.columns()).containsExactly("authorId");
    assertThat(fk.referencedTable()).isEqualTo(QualifiedName.of(db, "User"));
    assertThat(fk.referencedColumns()).containsExactly("id");
    assertThat(fk.onDelete()).isEqualTo(ReferentialAction.RESTRICT);
    assertThat(fk.onUpdate()).isEqualTo(ReferentialAction.CASCADE);
    assertThat(post.checkConstraints()).hasSize(1);
    assertThat(post.checkConstraints().get(0).name()).isEqualTo("Post_title_check");
    assertThat(post.checkConstraints().get(0).definition()).contains("char_length");

    assertThat(catalog.views()).hasSize(1);
    assertThat(catalog.views().get(0).name()).isEqualTo(QualifiedName.of(db, "PostTitles"));
    assertThat(catalog.views().get(0).definition()).containsIgnoringCase("select");
    assertThat(catalog.triggers()).hasSize(1);
    assertThat(catalog.triggers().get(0).name()).isEqualTo("Post_touch");
    assertThat(catalog.triggers().get(0).definition())
        .startsWith("CREATE TRIGGER `Post_touch` BEFORE UPDATE ON `Post` FOR EACH ROW");
    assertThat(catalog.unreadable()).isEmpty();
  }

  @Test
  void row_estimates_and_exact_rows_are_read() {
    target.managedByPrisma().sql(SCHEMA_SQL).sql("INSERT INTO `User` (`email`) VALUES ('a@b.c')");
    TargetSnapshot snapshot = read();
    assertThat(snapshot.rowEstimates().of(QualifiedName.of(target.name(), "User"))).isPresent();
    PrismaDatabaseUrl url = dialects.parse(target.prismaUrl());
    Set<String> withRows =
        dialects
            .tablesWithRows(
                UUID.randomUUID(),
                url,
                List.of(
                    QualifiedName.of(target.name(), "User"),
                    QualifiedName.of(target.name(), "Post")))
            .await()
            .atMost(WAIT);
    assertThat(withRows).containsExactly(target.name() + ".User");
  }

  @Test
  void a_session_refuses_writes_even_when_asked_for_one() {
    target.managedByPrisma();
    PrismaDatabaseUrl url = dialects.parse(target.prismaUrl());
    Pool pool = new MySqlPools(vertx, config).open(url);
    try {
      assertThatThrownBy(
              () ->
                  pool.withConnection(
                          connection ->
                              MySqlSession.readOnly(
                                  connection,
                                  config.target(),
                                  server ->
                                      connection
                                          .query(
                                              "INSERT INTO `_prisma_migrations` (id, checksum,"
                                                  + " migration_name) VALUES ('x', 'y', 'z')")
                                          .execute()))
                      .await()
                      .atMost(WAIT))
          .hasMessageContaining("READ ONLY");
      assertThatThrownBy(
              () ->
                  pool.withConnection(
                          connection ->
                              MySqlSession.readOnly(
                                  connection,
                                  config.target(),
                                  server ->
                                      connection.query("CREATE TABLE `x` (`id` INT)").execute()))
                      .await()
                      .atMost(WAIT))
          .hasMessageContaining("READ ONLY");
    } finally {
      pool.closeAndAwait();
    }
    assertThat(read().rows()).isEmpty();
    assertThat(read().catalog().orElseThrow().tables()).hasSize(1);
  }

  @Test
  void session_bounds_use_each_servers_own_statement_timer() {
    assertThat(MySqlSession.bounds(MySqlServer.of("10.11.19-MariaDB-0+deb12u1"), config.target()))
        .contains("max_statement_time = ")
        .doesNotContain("max_execution_time");
    assertThat(MySqlSession.bounds(MySqlServer.of("8.4.3"), config.target()))
        .contains("max_execution_time = ")
        .doesNotContain("max_statement_time");
    assertThat(MySqlServer.of("5.5.5-10.6.12-MariaDB").label()).isEqualTo("MariaDB 10.6.12");
    assertThat(MySqlServer.of("8.0.15").checks()).isFalse();
    assertThat(MySqlServer.of("8.0.16").checks()).isTrue();
  }

  @Test
  void wrong_credentials_and_missing_databases_are_sentences_without_the_password() {
    String missing = target.server().prismaUrl("dw_no_such_db");
    assertThatThrownBy(() -> read(missing))
        .isInstanceOf(TargetUnavailableException.class)
        .hasMessageContaining("dw_no_such_db");
    String wrongUser =
        "mysql://no_such_user:hunter2@"
            + target.server().host()
            + ":"
            + target.server().port()
            + "/"
            + target.name();
    assertThatThrownBy(() -> read(wrongUser))
        .isInstanceOf(TargetUnavailableException.class)
        .hasMessageContaining("authentication failed for user `no_such_user`")
        .hasMessageNotContaining("hunter2");
  }
}
