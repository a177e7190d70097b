package io.driftwatch.core.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.Column;
import io.driftwatch.core.catalog.PrimaryKey;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.Table;
import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.effect.StatementEffects;
import io.driftwatch.core.plan.FailedTriage.Verdict;
import io.driftwatch.core.sql.SqlScript;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailedTriagerTest {

  static final QualifiedName USER = QualifiedName.of("public", "User");
  static final QualifiedName POST = QualifiedName.of("public", "Post");

  static final Table USER_TABLE =
      Table.of(USER, List.of(Column.of("id", "integer", false), Column.of("email", "text", true)));

  static final Table POST_TABLE =
      new Table(
          POST,
          List.of(Column.of("id", "text", false), Column.of("title", "text", false)),
          Optional.of(new PrimaryKey("Post_pkey", List.of("id"), "PRIMARY KEY (id)", false)),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          Optional.empty(),
          Optional.empty());

  static final String SCRIPT =
      """
      -- CreateTable
      CREATE TABLE "Post" (
          "id" TEXT NOT NULL,
          "title" TEXT NOT NULL,
          CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
      );

      -- AddColumn
      ALTER TABLE "User" ADD COLUMN "name" TEXT;
      """;

  static List<Effect> effects(String sql) {
    return new StatementEffects("public").of(SqlScript.split(sql).statements());
  }

  static Catalog catalog(Table... tables) {
    return new Catalog(
        16, List.of("public"), List.of(tables), List.of(), List.of(), List.of(), List.of());
  }

  @Test
  void end_state_reached_when_every_effect_is_in_the_database() {
    Table userWithName =
        Table.of(
            USER,
            List.of(
                Column.of("id", "integer", false),
                Column.of("email", "text", true),
                Column.of("name", "text", true)));

    FailedTriage triage =
        FailedTriager.triage(
            "20250101_add_post",
            "\n  Database error code: 40P01\nDeadlock detected\n",
            effects(SCRIPT),
            catalog(userWithName, POST_TABLE));

    assertThat(triage.migration()).isEqualTo("20250101_add_post");
    assertThat(triage.verdict()).isEqualTo(Verdict.END_STATE_REACHED);
    assertThat(triage.error()).isEqualTo("Database error code: 40P01");
    assertThat(triage.present())
        .containsExactly(
            "create table \"public\".\"Post\"", "create column \"public\".\"User\".\"name\"");
    assertThat(triage.missing()).isEmpty();
    assertThat(triage.unverifiable()).isEmpty();
    assertThat(triage.idempotent()).isFalse();
    assertThat(triage.finishSql()).isEmpty();
    assertThat(triage.undoSql()).isEmpty();
  }

  @Test
  void nothing_applied_when_no_effect_is_in_the_database() {
    FailedTriage triage = FailedTriager.triage("m", "", effects(SCRIPT), catalog(USER_TABLE));

    assertThat(triage.verdict()).isEqualTo(Verdict.NOTHING_APPLIED);
    assertThat(triage.error()).isEmpty();
    assertThat(triage.present()).isEmpty();
    assertThat(triage.missing())
        .containsExactly(
            "create table \"public\".\"Post\"",
            "create column \"public\".\"Post\".\"id\"",
            "create column \"public\".\"Post\".\"title\"",
            "create constraint \"public\".\"Post\".\"Post_pkey\"",
            "create column \"public\".\"User\".\"name\"");
    assertThat(triage.finishSql()).isEmpty();
    assertThat(triage.undoSql()).isEmpty();
  }

  @Test
  void partly_applied_lists_the_statements_left_to_finish_and_the_undo() {
    FailedTriage triage =
        FailedTriager.triage("m", null, effects(SCRIPT), catalog(USER_TABLE, POST_TABLE));

    assertThat(triage.verdict()).isEqualTo(Verdict.PARTLY_APPLIED);
    assertThat(triage.present()).containsExactly("create table \"public\".\"Post\"");
    assertThat(triage.missing()).containsExactly("create column \"public\".\"User\".\"name\"");
    assertThat(triage.finishSql())
        .containsExactly("ALTER TABLE \"User\" ADD COLUMN \"name\" TEXT;");
    assertThat(triage.undoSql()).containsExactly("DROP TABLE \"public\".\"Post\";");
  }

  @Test
  void a_missing_column_of_a_present_table_is_listed() {
    Table postWithoutTitle =
        new Table(
            POST,
            List.of(Column.of("id", "text", false)),
            POST_TABLE.primaryKey(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            Optional.empty(),
            Optional.empty());

    FailedTriage triage =
        FailedTriager.triage("m", "", effects(SCRIPT), catalog(USER_TABLE, postWithoutTitle));

    assertThat(triage.verdict()).isEqualTo(Verdict.PARTLY_APPLIED);
    assertThat(triage.missing())
        .containsExactly(
            "create column \"public\".\"Post\".\"title\"",
            "create column \"public\".\"User\".\"name\"");
    assertThat(triage.finishSql()).hasSize(2);
    assertThat(triage.finishSql().get(0)).startsWith("CREATE TABLE \"Post\" (");
  }

  @Test
  void not_null_change_is_read_from_the_column() {
    List<Effect> effects = effects("ALTER TABLE \"User\" ALTER COLUMN \"email\" SET NOT NULL;");

    assertThat(FailedTriager.triage("m", "", effects, catalog(USER_TABLE)).verdict())
        .isEqualTo(Verdict.NOTHING_APPLIED);
    Table notNull =
        Table.of(
            USER, List.of(Column.of("id", "integer", false), Column.of("email", "text", false)));
    assertThat(FailedTriager.triage("m", "", effects, catalog(notNull)).verdict())
        .isEqualTo(Verdict.END_STATE_REACHED);
  }

  @Test
  void row_writes_are_unverifiable_and_on_conflict_do_nothing_is_idempotent() {
    FailedTriage triage =
        FailedTriager.triage(
            "m",
            "",
            effects(
                "INSERT INTO \"User\" (\"id\", \"email\") VALUES (1, 'a@b.c') ON CONFLICT DO NOTHING"),
            catalog(USER_TABLE));

    assertThat(triage.verdict()).isEqualTo(Verdict.UNVERIFIABLE);
    assertThat(triage.unverifiable())
        .containsExactly(
            "INSERT INTO \"User\" (\"id\", \"email\") VALUES (1, 'a@b.c') ON CONFLICT DO NOTHING;");
    assertThat(triage.idempotent()).isTrue();
    assertThat(triage.present()).isEmpty();
    assertThat(triage.missing()).isEmpty();
  }

  @Test
  void plain_insert_is_unverifiable_and_not_idempotent() {
    FailedTriage triage =
        FailedTriager.triage(
            "m",
            "",
            effects(
                "INSERT INTO \"User\" (\"id\") VALUES (1);\nUPDATE \"User\" SET \"email\" = 'x';"),
            catalog(USER_TABLE));

    assertThat(triage.verdict()).isEqualTo(Verdict.UNVERIFIABLE);
    assertThat(triage.unverifiable()).hasSize(2);
    assertThat(triage.idempotent()).isFalse();
  }

  @Test
  void long_unverifiable_statements_are_shortened() {
    String values = "x".repeat(400);
    FailedTriage triage =
        FailedTriager.triage(
            "m",
            "",
            effects("INSERT INTO \"User\" (\"email\") VALUES ('" + values + "');"),
            catalog(USER_TABLE));

    assertThat(triage.unverifiable())
        .singleElement()
        .satisfies(
            statement -> {
              assertThat(statement).hasSize(301);
              assertThat(statement).endsWith("…");
            });
  }
}
