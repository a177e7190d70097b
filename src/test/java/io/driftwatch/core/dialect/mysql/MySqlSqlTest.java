package io.driftwatch.core.dialect.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.effect.Effect.Action;
import io.driftwatch.core.effect.SchemaObject;
import io.driftwatch.core.effect.SchemaObject.Kind;
import io.driftwatch.core.sql.SqlScript;
import io.driftwatch.core.sql.SqlStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

/** MySQL's quoting, naming and grammar as the engine reads them. */
class MySqlSqlTest {

  private static final MySqlSql MYSQL = MySqlSql.INSTANCE;
  private static final QualifiedName POST = QualifiedName.of("app", "Post");

  private static List<Effect> effects(String sql) {
    List<SqlStatement> statements = SqlScript.split(sql, 100, MYSQL.lexicon()).statements();
    return statements.stream().flatMap(s -> MYSQL.effects("app").of(s).stream()).toList();
  }

  @Test
  void quotes_names_with_backticks_and_values_with_backslashes_escaped() {
    assertThat(MYSQL.identifier("we`ird")).isEqualTo("`we``ird`");
    assertThat(MYSQL.literal("it's \\ fine")).isEqualTo("'it''s \\\\ fine'");
  }

  @Test
  void unnamed_objects_are_named_as_innodb_names_them() {
    List<Effect> created =
        effects(
            "CREATE TABLE `Post` (`id` INT NOT NULL, `email` VARCHAR(191) NOT NULL UNIQUE,"
                + " `authorId` INT NOT NULL, PRIMARY KEY (`id`), INDEX (`authorId`),"
                + " FOREIGN KEY (`authorId`) REFERENCES `User`(`id`));");
    assertThat(created.stream().map(Effect::object))
        .contains(
            SchemaObject.constraint(POST, "PRIMARY"),
            SchemaObject.constraint(POST, "email"),
            SchemaObject.of(Kind.INDEX, QualifiedName.of("app", "authorId")),
            SchemaObject.constraint(POST, "Post_ibfk_1"))
        .doesNotContain(SchemaObject.column(POST, "INDEX"));
  }

  @Test
  void prismas_mysql_statements_read_as_what_they_do() {
    List<Effect> read =
        effects(
            """
            CREATE TABLE `User` (
                `id` INTEGER NOT NULL AUTO_INCREMENT,
                `email` VARCHAR(191) NOT NULL,
                `role` ENUM('USER', 'ADMIN') NOT NULL DEFAULT 'USER',

                UNIQUE INDEX `User_email_key`(`email`),
                FULLTEXT INDEX `User_bio_idx`(`email`),
                PRIMARY KEY (`id`)
            ) DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci;
            ALTER TABLE `Post` DROP FOREIGN KEY `Post_authorId_fkey`;
            DROP INDEX `Post_title_idx` ON `Post`;
            ALTER TABLE `Post` MODIFY `title` VARCHAR(500) NOT NULL, CHANGE `body` `text` TEXT NULL;
            ALTER TABLE `Post` RENAME INDEX `a` TO `b`, ADD UNIQUE INDEX `Post_slug_key`(`slug`(100));
            RENAME TABLE `Post` TO `Article`;
            """);
    QualifiedName user = QualifiedName.of("app", "User");
    assertThat(read)
        .extracting(Effect::action, Effect::object)
        .contains(
            org.assertj.core.groups.Tuple.tuple(Action.CREATE, SchemaObject.of(Kind.TABLE, user)),
            org.assertj.core.groups.Tuple.tuple(Action.CREATE, SchemaObject.column(user, "role")),
            org.assertj.core.groups.Tuple.tuple(
                Action.CREATE,
                SchemaObject.of(Kind.INDEX, QualifiedName.of("app", "User_email_key"))),
            org.assertj.core.groups.Tuple.tuple(
                Action.CREATE,
                SchemaObject.of(Kind.INDEX, QualifiedName.of("app", "User_bio_idx"))),
            org.assertj.core.groups.Tuple.tuple(
                Action.CREATE, SchemaObject.constraint(user, "PRIMARY")),
            org.assertj.core.groups.Tuple.tuple(
                Action.DROP, SchemaObject.constraint(POST, "Post_authorId_fkey")),
            org.assertj.core.groups.Tuple.tuple(
                Action.DROP,
                SchemaObject.of(Kind.INDEX, QualifiedName.of("app", "Post_title_idx"))),
            org.assertj.core.groups.Tuple.tuple(Action.ALTER, SchemaObject.column(POST, "title")),
            org.assertj.core.groups.Tuple.tuple(Action.RENAME, SchemaObject.column(POST, "text")),
            org.assertj.core.groups.Tuple.tuple(Action.ALTER, SchemaObject.column(POST, "text")),
            org.assertj.core.groups.Tuple.tuple(
                Action.RENAME, SchemaObject.of(Kind.INDEX, QualifiedName.of("app", "b"))),
            org.assertj.core.groups.Tuple.tuple(
                Action.CREATE,
                SchemaObject.of(Kind.INDEX, QualifiedName.of("app", "Post_slug_key"))),
            org.assertj.core.groups.Tuple.tuple(
                Action.RENAME, SchemaObject.of(Kind.TABLE, QualifiedName.of("app", "Article"))));
    assertThat(read).noneMatch(effect -> effect.action() == Action.UNKNOWN);
    assertThat(read)
        .noneMatch(effect -> effect.object().equals(SchemaObject.column(user, "UNIQUE")));
  }

  @Test
  void the_reverse_of_a_mysql_change_is_mysql() {
    var names = MYSQL.names();
    assertThat(names.dropIndex(QualifiedName.of("app", "i"), POST))
        .isEqualTo("DROP INDEX `i` ON `app`.`Post`;");
    assertThat(names.dropConstraint(POST, "PRIMARY"))
        .isEqualTo("ALTER TABLE `app`.`Post` DROP PRIMARY KEY;");
    assertThat(names.renameTable(POST, "Article"))
        .isEqualTo("RENAME TABLE `app`.`Post` TO `app`.`Article`;");
    assertThat(
            names.restoreType(
                POST,
                io.driftwatch.core.catalog.Column.of("title", "varchar(191)", false)
                    .withDefault("'x'")))
        .isEqualTo(
            "ALTER TABLE `app`.`Post` MODIFY COLUMN `title` varchar(191) NOT NULL DEFAULT 'x';");
  }
}
