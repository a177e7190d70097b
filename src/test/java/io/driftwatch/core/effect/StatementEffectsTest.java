package io.driftwatch.core.effect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.effect.Effect.Action;
import io.driftwatch.core.effect.SchemaObject.Kind;
import io.driftwatch.core.sql.SqlScript;
import io.driftwatch.core.sql.SqlStatement;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class StatementEffectsTest {

  private static final QualifiedName USER = QualifiedName.of("public", "User");
  private static final QualifiedName POST = QualifiedName.of("public", "Post");

  static List<Effect> effects(String sql) {
    return effects("public", sql);
  }

  static List<Effect> effects(String schema, String sql) {
    return new StatementEffects(schema).of(SqlScript.split(sql).statements());
  }

  @Test
  void prisma_create_table_creates_the_table_its_columns_and_its_named_primary_key() {
    List<Effect> effects =
        effects(
            """
        -- CreateTable
        CREATE TABLE "User" (
            "id" SERIAL NOT NULL,
            "email" TEXT NOT NULL,
            "name" TEXT,

            CONSTRAINT "User_pkey" PRIMARY KEY ("id")
        );
        """);

    assertThat(effects).extracting(Effect::action).containsOnly(Action.CREATE);
    assertThat(effects)
        .extracting(Effect::object)
        .containsExactly(
            SchemaObject.of(Kind.TABLE, USER),
            SchemaObject.column(USER, "id"),
            SchemaObject.column(USER, "email"),
            SchemaObject.column(USER, "name"),
            SchemaObject.constraint(USER, "User_pkey"),
            SchemaObject.of(Kind.SEQUENCE, QualifiedName.of("public", "User_id_seq")));
    assertThat(effects.get(4).detail()).isEqualTo("PRIMARY KEY");
    assertThat(effects.get(5).implicitName()).isPresent();
    assertThat(effects)
        .allSatisfy(
            effect -> {
              assertThat(effect.guarded()).isFalse();
              assertThat(effect.statement().line()).isEqualTo(2);
            });
    assertThat(effects.get(0).requires()).isEmpty();
    assertThat(effects.get(0).describe()).isEqualTo("create table \"public\".\"User\"");
  }

  @Test
  void column_referencing_another_table_requires_it() {
    List<Effect> effects =
        effects(
            "CREATE TABLE \"Post\" (\"id\" TEXT, \"authorId\" INTEGER REFERENCES \"User\"(\"id\"));");

    assertThat(effects.get(2).object()).isEqualTo(SchemaObject.column(POST, "authorId"));
    assertThat(effects.get(2).requires()).containsExactly(SchemaObject.of(Kind.TABLE, USER));
    assertThat(effects.get(1).requires()).isEmpty();
  }

  @Test
  void create_unique_index_on_a_table() {
    List<Effect> effects =
        effects("CREATE UNIQUE INDEX \"User_email_key\" ON \"User\"(\"email\");");

    assertThat(effects)
        .singleElement()
        .satisfies(
            effect -> {
              assertThat(effect.action()).isEqualTo(Action.CREATE);
              assertThat(effect.object())
                  .isEqualTo(
                      SchemaObject.of(Kind.INDEX, QualifiedName.of("public", "User_email_key")));
              assertThat(effect.detail()).isEqualTo("UNIQUE");
              assertThat(effect.requires()).containsExactly(SchemaObject.of(Kind.TABLE, USER));
            });
  }

  @Test
  void create_index_takes_the_schema_of_its_table() {
    List<Effect> effects = effects("CREATE INDEX \"Log_at_idx\" ON audit.\"Log\"(\"at\");");

    assertThat(effects)
        .singleElement()
        .satisfies(
            effect -> {
              assertThat(effect.object())
                  .isEqualTo(SchemaObject.of(Kind.INDEX, QualifiedName.of("audit", "Log_at_idx")));
              assertThat(effect.detail()).isEmpty();
            });
  }

  @Test
  void alter_table_add_and_drop_column_require_the_table() {
    List<Effect> effects =
        effects(
            """
        ALTER TABLE "User" ADD COLUMN "age" INTEGER;
        ALTER TABLE "User" DROP COLUMN "name";
        """);

    assertThat(effects).extracting(Effect::action).containsExactly(Action.CREATE, Action.DROP);
    assertThat(effects)
        .extracting(Effect::object)
        .containsExactly(SchemaObject.column(USER, "age"), SchemaObject.column(USER, "name"));
    assertThat(effects)
        .allSatisfy(
            effect ->
                assertThat(effect.requires()).containsExactly(SchemaObject.of(Kind.TABLE, USER)));
    assertThat(effects.get(1).statement().line()).isEqualTo(2);
  }

  @Test
  void alter_table_with_several_actions_gives_one_effect_each() {
    List<Effect> effects =
        effects(
            "ALTER TABLE \"User\" DROP COLUMN \"a\", ADD COLUMN \"b\" TEXT, ADD COLUMN \"c\" TEXT;");

    assertThat(effects)
        .extracting(Effect::describe)
        .containsExactly(
            "drop column \"public\".\"User\".\"a\"",
            "create column \"public\".\"User\".\"b\"",
            "create column \"public\".\"User\".\"c\"");
  }

  @Test
  void add_foreign_key_requires_the_table_and_the_referenced_table() {
    List<Effect> effects =
        effects(
            """
        -- AddForeignKey
        ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
        """);

    assertThat(effects)
        .singleElement()
        .satisfies(
            effect -> {
              assertThat(effect.action()).isEqualTo(Action.CREATE);
              assertThat(effect.object())
                  .isEqualTo(SchemaObject.constraint(POST, "Post_authorId_fkey"));
              assertThat(effect.detail()).isEqualTo("FOREIGN KEY");
              assertThat(effect.requires())
                  .containsExactly(
                      SchemaObject.of(Kind.TABLE, POST), SchemaObject.of(Kind.TABLE, USER));
            });
  }

  @Test
  void add_unique_constraint_has_its_kind_as_detail() {
    List<Effect> effects =
        effects("ALTER TABLE \"User\" ADD CONSTRAINT \"User_email_key\" UNIQUE (\"email\");");

    assertThat(effects)
        .singleElement()
        .satisfies(
            effect -> {
              assertThat(effect.object())
                  .isEqualTo(SchemaObject.constraint(USER, "User_email_key"));
              assertThat(effect.detail()).isEqualTo("UNIQUE");
            });
  }

  @Test
  void alter_column_type_is_an_alter_of_the_column_with_the_change_as_detail() {
    List<Effect> effects =
        effects(
            """
        ALTER TABLE "User" ALTER COLUMN "age" SET DATA TYPE BIGINT;
        ALTER TABLE "User" ALTER COLUMN "name" TYPE varchar(50);
        ALTER TABLE "User" ALTER COLUMN "email" SET NOT NULL;
        """);

    assertThat(effects).extracting(Effect::action).containsOnly(Action.ALTER);
    assertThat(effects)
        .extracting(Effect::object)
        .containsExactly(
            SchemaObject.column(USER, "age"),
            SchemaObject.column(USER, "name"),
            SchemaObject.column(USER, "email"));
    assertThat(effects)
        .extracting(Effect::detail)
        .containsExactly("SET DATA TYPE BIGINT", "TYPE VARCHAR(50)", "SET NOT NULL");
    assertThat(effects.get(0).requires())
        .containsExactly(SchemaObject.of(Kind.TABLE, USER), SchemaObject.column(USER, "age"));
    assertThat(effects.get(1).describe())
        .isEqualTo("alter column \"public\".\"User\".\"name\" TYPE VARCHAR(50)");
  }

  @Test
  void what_rules_ask_of_a_statement_is_read_typed_not_left_in_text() {
    List<Effect> effects =
        effects(
            """
            ALTER TABLE "User" ADD COLUMN "id2" UUID NOT NULL DEFAULT (gen_random_uuid()),
              ADD COLUMN "n" BIGSERIAL,
              ADD COLUMN "e" TEXT CHECK ("e" IS NOT NULL) DEFAULT 'NOT NULL random()',
              ADD CONSTRAINT "User_team_fkey" FOREIGN KEY ("teamId") REFERENCES "Team"("id") NOT VALID,
              ADD CONSTRAINT "User_age_check" CHECK ("age" > 0);
            DROP TABLE "Old" CASCADE;
            """);

    Map<String, ColumnDefinition> columns =
        effects.stream()
            .filter(e -> e.object().kind() == SchemaObject.Kind.COLUMN)
            .collect(Collectors.toMap(e -> e.object().part(), Effect::definition));
    assertThat(columns.get("id2"))
        .isEqualTo(new ColumnDefinition(true, true, false, "", "gen_random_uuid"));
    assertThat(columns.get("n").volatileDefault()).isEqualTo("BIGSERIAL (a nextval() default)");
    assertThat(columns.get("n").filled()).isTrue();
    assertThat(columns.get("e")).isEqualTo(new ColumnDefinition(false, true, false, "", ""));
    assertThat(effects)
        .filteredOn(e -> e.object().kind() == SchemaObject.Kind.CONSTRAINT)
        .extracting(e -> e.constraintKind().orElseThrow() + " " + e.notValid())
        .contains("FOREIGN_KEY true", "CHECK false");
    assertThat(effects.get(effects.size() - 1).cascades()).isTrue();
  }

  @Test
  void how_a_statement_runs_is_read_from_its_tokens() {
    StatementEffects reader = new StatementEffects("public");
    List<SqlStatement> statements =
        SqlScript.split(
                """
                CREATE INDEX CONCURRENTLY "i" ON "User"("a");
                SET LOCAL lock_timeout = '5s';
                SELECT set_config('lock_timeout', '5s', false);
                CREATE INDEX "j" ON "User"("b"); -- not CONCURRENTLY
                SELECT 'SET lock_timeout = 1';
                """)
            .statements();

    assertThat(statements)
        .extracting(reader::traits)
        .containsExactly(
            Set.of(StatementTrait.CONCURRENTLY),
            Set.of(StatementTrait.SETS_LOCK_TIMEOUT),
            Set.of(StatementTrait.SETS_LOCK_TIMEOUT),
            Set.of(),
            Set.of());
  }

  @Test
  void names_are_kept_as_the_script_writes_them_for_findings() {
    List<Effect> effects =
        effects(
            """
            ALTER TABLE audit."Log" RENAME COLUMN at TO "loggedAt";
            ALTER TABLE "User" RENAME TO account;
            ALTER TYPE "Role" RENAME TO "Role_old";
            ALTER TABLE public."User" ALTER COLUMN name SET NOT NULL, ADD COLUMN "x" INTEGER;
            """);

    assertThat(effects)
        .extracting(e -> e.writtenOwner() + " " + e.writtenPart() + " " + e.writtenRenamedTo())
        .containsExactly(
            "audit.\"Log\" at \"loggedAt\"",
            "\"User\"  account",
            "\"Role\"  \"Role_old\"",
            "public.\"User\" name \"name\"",
            "public.\"User\" \"x\" \"x\"");
    assertThat(effects.get(0).object())
        .isEqualTo(SchemaObject.column(QualifiedName.of("audit", "Log"), "loggedAt"));
  }

  @Test
  void rename_column_is_a_rename_with_the_old_name() {
    List<Effect> effects = effects("ALTER TABLE \"User\" RENAME COLUMN \"name\" TO \"fullName\";");

    assertThat(effects)
        .singleElement()
        .satisfies(
            effect -> {
              assertThat(effect.action()).isEqualTo(Action.RENAME);
              assertThat(effect.object()).isEqualTo(SchemaObject.column(USER, "fullName"));
              assertThat(effect.previous()).contains(SchemaObject.column(USER, "name"));
              assertThat(effect.requires()).containsExactly(SchemaObject.column(USER, "name"));
              assertThat(effect.describe())
                  .isEqualTo(
                      "rename column \"public\".\"User\".\"name\" to \"public\".\"User\".\"fullName\"");
            });
  }

  @Test
  void rename_table_and_index() {
    List<Effect> effects =
        effects(
            """
        ALTER TABLE "User" RENAME TO "Account";
        ALTER INDEX "User_email_key" RENAME TO "Account_email_key";
        """);

    assertThat(effects)
        .extracting(Effect::object)
        .containsExactly(
            SchemaObject.of(Kind.TABLE, QualifiedName.of("public", "Account")),
            SchemaObject.of(Kind.INDEX, QualifiedName.of("public", "Account_email_key")));
    assertThat(effects)
        .extracting(effect -> effect.previous().orElseThrow())
        .containsExactly(
            SchemaObject.of(Kind.TABLE, USER),
            SchemaObject.of(Kind.INDEX, QualifiedName.of("public", "User_email_key")));
  }

  @Test
  void create_enum_and_add_value() {
    QualifiedName role = QualifiedName.of("public", "Role");
    List<Effect> effects =
        effects(
            """
        CREATE TYPE "Role" AS ENUM ('USER', 'ADMIN');
        ALTER TYPE "Role" ADD VALUE 'EDITOR';
        ALTER TYPE "Role" ADD VALUE IF NOT EXISTS 'OWNER';
        """);

    assertThat(effects).extracting(Effect::action).containsOnly(Action.CREATE);
    assertThat(effects)
        .extracting(Effect::object)
        .containsExactly(
            SchemaObject.of(Kind.ENUM, role),
            SchemaObject.enumValue(role, "EDITOR"),
            SchemaObject.enumValue(role, "OWNER"));
    assertThat(effects).extracting(Effect::guarded).containsExactly(false, false, true);
    assertThat(effects.get(1).requires()).containsExactly(SchemaObject.of(Kind.ENUM, role));
    assertThat(effects.get(1).describe())
        .isEqualTo("create enum value \"public\".\"Role\" value 'EDITOR'");
  }

  @Test
  void drop_table_with_several_names_drops_each() {
    List<Effect> effects = effects("DROP TABLE \"Post\", \"User\";");

    assertThat(effects).extracting(Effect::action).containsExactly(Action.DROP, Action.DROP);
    assertThat(effects)
        .extracting(Effect::object)
        .containsExactly(SchemaObject.of(Kind.TABLE, POST), SchemaObject.of(Kind.TABLE, USER));
    assertThat(effects)
        .allSatisfy(effect -> assertThat(effect.statement()).isSameAs(effects.get(0).statement()));
  }

  @Test
  void drop_index_and_drop_if_exists() {
    List<Effect> effects =
        effects(
            """
        DROP INDEX "User_email_key";
        DROP TABLE IF EXISTS "Old";
        DROP TYPE "Role";
        """);

    assertThat(effects)
        .extracting(Effect::object)
        .containsExactly(
            SchemaObject.of(Kind.INDEX, QualifiedName.of("public", "User_email_key")),
            SchemaObject.of(Kind.TABLE, QualifiedName.of("public", "Old")),
            SchemaObject.of(Kind.ENUM, QualifiedName.of("public", "Role")));
    assertThat(effects).extracting(Effect::guarded).containsExactly(false, true, false);
  }

  @Test
  void schema_qualified_names_keep_their_schema_and_unqualified_ones_take_the_given_schema() {
    List<Effect> effects =
        effects(
            "app",
            """
        CREATE TABLE "public"."User" ("id" INTEGER);
        CREATE TABLE audit."Log" ("id" INTEGER);
        CREATE TABLE "Plain" ("id" INTEGER);
        """);

    assertThat(effects)
        .filteredOn(effect -> effect.object().kind() == Kind.TABLE)
        .extracting(Effect::object)
        .containsExactly(
            SchemaObject.of(Kind.TABLE, USER),
            SchemaObject.of(Kind.TABLE, QualifiedName.of("audit", "Log")),
            SchemaObject.of(Kind.TABLE, QualifiedName.of("app", "Plain")));
  }

  @Test
  void unquoted_names_are_folded_to_lower_case() {
    List<Effect> effects =
        effects("CREATE TABLE Audit.LogEntry (Id INTEGER, \"CreatedAt\" TIMESTAMP);");

    QualifiedName table = QualifiedName.of("audit", "logentry");
    assertThat(effects)
        .extracting(Effect::object)
        .containsExactly(
            SchemaObject.of(Kind.TABLE, table),
            SchemaObject.column(table, "id"),
            SchemaObject.column(table, "CreatedAt"));
  }

  @Test
  void if_not_exists_guards_the_table_and_its_columns() {
    List<Effect> effects =
        effects(
            """
        CREATE TABLE IF NOT EXISTS "User" ("id" INTEGER, CONSTRAINT "User_pkey" PRIMARY KEY ("id"));
        CREATE INDEX IF NOT EXISTS "User_id_idx" ON "User"("id");
        ALTER TABLE "User" ADD COLUMN IF NOT EXISTS "age" INTEGER;
        CREATE EXTENSION IF NOT EXISTS pgcrypto;
        """);

    assertThat(effects).hasSize(6).allSatisfy(effect -> assertThat(effect.guarded()).isTrue());
    assertThat(effects.get(5).object()).isEqualTo(SchemaObject.extension("pgcrypto"));
  }

  @Test
  void if_exists_guards_drops() {
    List<Effect> effects =
        effects(
            """
        ALTER TABLE "User" DROP COLUMN IF EXISTS "age";
        DROP INDEX IF EXISTS "User_id_idx";
        """);

    assertThat(effects).extracting(Effect::guarded).containsExactly(true, true);
    assertThat(effects).extracting(Effect::action).containsExactly(Action.DROP, Action.DROP);
  }

  @Test
  void insert_with_on_conflict_do_nothing_is_guarded() {
    List<Effect> effects =
        effects(
            """
        INSERT INTO "Role" ("name") VALUES ('admin') ON CONFLICT DO NOTHING;
        INSERT INTO "Role" ("name") VALUES ('user');
        """);

    QualifiedName role = QualifiedName.of("public", "Role");
    assertThat(effects).extracting(Effect::action).containsExactly(Action.INSERT, Action.INSERT);
    assertThat(effects).extracting(Effect::object).containsOnly(SchemaObject.of(Kind.TABLE, role));
    assertThat(effects).extracting(Effect::guarded).containsExactly(true, false);
    assertThat(effects.get(0).describe()).isEqualTo("insert rows into \"public\".\"Role\"");
  }

  @Test
  void update_and_delete_without_where_touch_every_row() {
    List<Effect> effects =
        effects(
            """
        UPDATE "User" SET "role" = 'USER';
        UPDATE "User" SET "role" = 'ADMIN' WHERE "id" = 1;
        DELETE FROM "Post";
        DELETE FROM "Post" WHERE "published" = false;
        UPDATE "User" SET "name" = (SELECT 'x' FROM "Post" WHERE "Post"."id" = '1');
        """);

    assertThat(effects)
        .extracting(Effect::action)
        .containsExactly(Action.UPDATE, Action.UPDATE, Action.DELETE, Action.DELETE, Action.UPDATE);
    assertThat(effects)
        .extracting(Effect::everyRow)
        .containsExactly(true, false, true, false, true);
    assertThat(effects.get(0).describe()).isEqualTo("update every row of \"public\".\"User\"");
    assertThat(effects.get(3).describe()).isEqualTo("delete rows of \"public\".\"Post\"");
    assertThat(effects.get(2).requires()).containsExactly(SchemaObject.of(Kind.TABLE, POST));
  }

  @Test
  void truncate_of_several_tables_touches_every_row_of_each() {
    List<Effect> effects = effects("TRUNCATE TABLE \"User\", \"Post\";");

    assertThat(effects).extracting(Effect::action).containsOnly(Action.TRUNCATE);
    assertThat(effects)
        .extracting(Effect::object)
        .containsExactly(SchemaObject.of(Kind.TABLE, USER), SchemaObject.of(Kind.TABLE, POST));
    assertThat(effects).allSatisfy(effect -> assertThat(effect.everyRow()).isTrue());
  }

  @Test
  void do_block_is_one_unknown_effect() {
    List<Effect> effects =
        effects(
            """
        DO $$
        BEGIN
          CREATE TABLE "Hidden" ("id" INTEGER);
          DROP TABLE "User";
        END
        $$;
        """);

    assertThat(effects)
        .singleElement()
        .satisfies(
            effect -> {
              assertThat(effect.action()).isEqualTo(Action.UNKNOWN);
              assertThat(effect.object()).isEqualTo(SchemaObject.schema("public"));
              assertThat(effect.guarded()).isFalse();
              assertThat(effect.describe()).isEqualTo("unread statement");
            });
  }

  @Test
  void function_and_grant_are_unknown() {
    List<Effect> effects =
        effects(
            """
        CREATE FUNCTION f() RETURNS integer AS $f$ SELECT 1 $f$ LANGUAGE sql;
        GRANT SELECT ON "User" TO reader;
        """);

    assertThat(effects).extracting(Effect::action).containsExactly(Action.UNKNOWN, Action.UNKNOWN);
  }

  @Test
  void transaction_control_has_no_effect() {
    List<Effect> effects =
        effects(
            """
        BEGIN;
        ALTER TABLE "User" ADD COLUMN "age" INTEGER;
        COMMIT;
        """);

    assertThat(effects)
        .singleElement()
        .extracting(Effect::object)
        .isEqualTo(SchemaObject.column(USER, "age"));
  }

  @Test
  void set_and_comment_have_no_effect() {
    List<Effect> effects =
        effects(
            """
        SET statement_timeout = 0;
        COMMENT ON TABLE "User" IS 'people';
        SELECT 1;
        """);

    assertThat(effects).isEmpty();
  }

  @Test
  void views_schemas_and_sequences() {
    List<Effect> effects =
        effects(
            """
        CREATE OR REPLACE VIEW "Active" AS SELECT 1;
        CREATE SCHEMA IF NOT EXISTS "audit";
        CREATE SEQUENCE "order_seq";
        """);

    assertThat(effects)
        .extracting(Effect::object)
        .containsExactly(
            SchemaObject.of(Kind.VIEW, QualifiedName.of("public", "Active")),
            SchemaObject.schema("audit"),
            SchemaObject.of(Kind.SEQUENCE, QualifiedName.of("public", "order_seq")));
    assertThat(effects).extracting(Effect::guarded).containsExactly(true, true, false);
    assertThat(effects.get(0).previous()).isEqualTo(Optional.empty());
  }

  @Test
  void an_insert_of_a_million_rows_is_read_from_its_head_and_one_scan_that_keeps_no_token() {
    String load =
        "INSERT INTO \"Seed\" (\"id\") VALUES "
            + "(1),".repeat(1_000_000)
            + "(0) ON CONFLICT DO NOTHING";
    List<Effect> effects = new StatementEffects("public").of(SqlScript.split(load).statements());

    assertThat(effects)
        .singleElement()
        .satisfies(
            effect -> {
              assertThat(effect.action()).isEqualTo(Effect.Action.INSERT);
              assertThat(effect.object().name().name()).isEqualTo("Seed");
              assertThat(effect.guarded()).as("ON CONFLICT DO NOTHING at its very end").isTrue();
            });
  }

  @Test
  void a_name_longer_than_postgresql_keeps_is_cut_as_the_server_cuts_it() {
    String name =
        "é".repeat(40); // 80 bytes of UTF-8: PostgreSQL keeps the first 31 characters (62 bytes)
    Effect effect =
        new StatementEffects("public")
            .ofScript("CREATE TABLE \"" + name + "\" (\"id\" INTEGER);")
            .get(0);

    assertThat(effect.object().name().name()).isEqualTo("é".repeat(31));
  }

  @Test
  void a_script_of_more_statements_or_changes_than_a_reader_keeps_is_too_large_to_read() {
    StatementEffects reader = new StatementEffects("public");
    assertThatThrownBy(
            () -> reader.ofScript("SELECT 1;\n".repeat(StatementEffects.MAX_STATEMENTS + 1)))
        .isInstanceOf(StatementEffects.TooLarge.class)
        .hasMessageContaining("20,001 statements");
    assertThatThrownBy(() -> reader.ofScript("CREATE TABLE \"t\" (\"a\" INT, \"b\" INT);", 2))
        .isInstanceOf(StatementEffects.TooLarge.class)
        .hasMessageContaining("over 2 schema changes");
  }

  @Test
  void a_statement_whose_reading_would_keep_too_many_tokens_is_not_read() {
    StringBuilder columns = new StringBuilder("CREATE TABLE \"wide\" (");
    for (int i = 0; i < 40_000; i++) {
      columns.append("\"c").append(i).append("\" INT, ");
    }
    List<Effect> effects =
        new StatementEffects("public").ofScript(columns.append("\"last\" INT)").toString());

    assertThat(effects)
        .singleElement()
        .satisfies(effect -> assertThat(effect.action()).isEqualTo(Effect.Action.UNKNOWN));
  }
}
