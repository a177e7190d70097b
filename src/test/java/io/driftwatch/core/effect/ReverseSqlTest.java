package io.driftwatch.core.effect;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.Column;
import io.driftwatch.core.catalog.Index;
import io.driftwatch.core.catalog.IndexKey;
import io.driftwatch.core.catalog.PrimaryKey;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.Table;
import io.driftwatch.core.effect.Effect.Action;
import io.driftwatch.core.effect.ReverseSql.Reversal;
import io.driftwatch.core.sql.SqlScript;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ReverseSqlTest {

  static final QualifiedName USER = QualifiedName.of("public", "User");

  static final Table USER_TABLE =
      new Table(
          USER,
          List.of(
              Column.of("id", "integer", false),
              Column.of("email", "text", false),
              Column.of("age", "integer", true)),
          Optional.of(new PrimaryKey("User_pkey", List.of("id"), "PRIMARY KEY (id)", false)),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(
              new Index(
                  "User_pkey",
                  true,
                  true,
                  true,
                  "btree",
                  List.of(IndexKey.column("id")),
                  List.of(),
                  Optional.empty(),
                  "CREATE UNIQUE INDEX \"User_pkey\" ON public.\"User\" USING btree (id)",
                  true,
                  false),
              new Index(
                  "User_email_idx",
                  false,
                  false,
                  false,
                  "btree",
                  List.of(IndexKey.column("email")),
                  List.of(),
                  Optional.empty(),
                  "CREATE INDEX \"User_email_idx\" ON public.\"User\" USING btree (email)",
                  true,
                  false)),
          Optional.empty(),
          Optional.empty());

  static final Catalog BEFORE =
      new Catalog(
          16, List.of("public"), List.of(USER_TABLE), List.of(), List.of(), List.of(), List.of());

  static List<Effect> effects(String sql) {
    return new StatementEffects("public").of(SqlScript.split(sql).statements());
  }

  static List<Reversal> reverse(String sql) {
    return new ReverseSql(Optional.of(BEFORE)).reverse(effects(sql));
  }

  @Test
  void create_table_is_undone_by_one_drop_table() {
    List<Reversal> reversals =
        reverse(
            """
        CREATE TABLE "Post" (
            "id" TEXT NOT NULL,
            "authorId" INTEGER NOT NULL,
            CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
        );
        ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id");
        INSERT INTO "Post" ("id", "authorId") VALUES ('p1', 1);
        """);

    assertThat(reversals)
        .singleElement()
        .satisfies(
            reversal -> {
              assertThat(reversal.sql()).contains("DROP TABLE \"public\".\"Post\";");
              assertThat(reversal.irreversible()).isEmpty();
              assertThat(reversal.effect().action()).isEqualTo(Action.CREATE);
            });
  }

  @Test
  void add_column_is_undone_by_drop_column() {
    assertThat(reverse("ALTER TABLE \"User\" ADD COLUMN \"name\" TEXT;"))
        .singleElement()
        .satisfies(
            reversal ->
                assertThat(reversal.sql())
                    .contains("ALTER TABLE \"public\".\"User\" DROP COLUMN \"name\";"));
  }

  @Test
  void create_index_and_add_constraint_are_undone_by_their_drops() {
    List<Reversal> reversals =
        reverse(
            """
        CREATE UNIQUE INDEX "User_age_key" ON "User"("age");
        ALTER TABLE "User" ADD CONSTRAINT "User_age_check" CHECK ("age" > 0);
        """);

    assertThat(reversals)
        .extracting(reversal -> reversal.sql().orElseThrow())
        .containsExactly(
            "ALTER TABLE \"public\".\"User\" DROP CONSTRAINT \"User_age_check\";",
            "DROP INDEX \"public\".\"User_age_key\";");
  }

  @Test
  void what_postgresql_names_is_undone_with_its_name_and_a_serial_sequence_with_its_column() {
    List<Reversal> reversals =
        reverse(
            """
        ALTER TABLE "User" ADD COLUMN "rank" SERIAL UNIQUE;
        CREATE INDEX ON "User" ("email");
        """);

    assertThat(reversals)
        .extracting(reversal -> reversal.sql().orElseThrow())
        .containsExactly(
            "DROP INDEX \"public\".\"User_email_idx\";",
            "ALTER TABLE \"public\".\"User\" DROP CONSTRAINT \"User_rank_key\";",
            "ALTER TABLE \"public\".\"User\" DROP COLUMN \"rank\";");
  }

  @Test
  void add_enum_value_is_irreversible() {
    List<Reversal> reversals = reverse("ALTER TYPE \"Role\" ADD VALUE 'EDITOR';");

    assertThat(reversals)
        .singleElement()
        .satisfies(
            reversal -> {
              assertThat(reversal.sql()).isEmpty();
              assertThat(reversal.irreversible())
                  .hasValueSatisfying(
                      why ->
                          assertThat(why)
                              .startsWith("PostgreSQL cannot remove a value from an enum")
                              .contains("\"public\".\"Role\"")
                              .contains("'EDITOR'"));
            });
  }

  @Test
  void create_enum_is_undone_by_drop_type() {
    assertThat(reverse("CREATE TYPE \"Role\" AS ENUM ('A', 'B');"))
        .singleElement()
        .satisfies(
            reversal -> assertThat(reversal.sql()).contains("DROP TYPE \"public\".\"Role\";"));
  }

  @Test
  void dropped_index_is_re_created_from_the_catalog_definition() {
    assertThat(reverse("DROP INDEX \"User_email_idx\";"))
        .singleElement()
        .satisfies(
            reversal ->
                assertThat(reversal.sql())
                    .contains(
                        "CREATE INDEX \"User_email_idx\" ON public.\"User\" USING btree (email);"));
  }

  @Test
  void dropped_index_unknown_to_the_catalog_is_irreversible() {
    assertThat(reverse("DROP INDEX \"Nope_idx\";"))
        .singleElement()
        .satisfies(
            reversal ->
                assertThat(reversal.irreversible()).contains("the index is not in the database"));
  }

  @Test
  void dropped_constraint_is_added_back_from_the_catalog() {
    assertThat(reverse("ALTER TABLE \"User\" DROP CONSTRAINT \"User_pkey\";"))
        .singleElement()
        .satisfies(
            reversal ->
                assertThat(reversal.sql())
                    .hasValueSatisfying(
                        sql -> assertThat(sql).contains("\"User_pkey\"").contains("PRIMARY KEY")));
  }

  @Test
  void column_type_change_goes_back_to_the_catalog_type() {
    assertThat(reverse("ALTER TABLE \"User\" ALTER COLUMN \"age\" SET DATA TYPE BIGINT;"))
        .singleElement()
        .satisfies(
            reversal ->
                assertThat(reversal.sql())
                    .contains(
                        "ALTER TABLE \"public\".\"User\" ALTER COLUMN \"age\" SET DATA TYPE integer USING \"age\"::integer;"
                            + " -- values that do not fit the old type make it fail"));
  }

  @Test
  void not_null_changes_are_flipped() {
    List<Reversal> reversals =
        reverse(
            """
        ALTER TABLE "User" ALTER COLUMN "age" SET NOT NULL;
        ALTER TABLE "User" ALTER COLUMN "email" DROP NOT NULL;
        """);

    assertThat(reversals)
        .extracting(reversal -> reversal.sql().orElseThrow())
        .containsExactly(
            "ALTER TABLE \"public\".\"User\" ALTER COLUMN \"email\" SET NOT NULL; -- fails if NULLs were written since",
            "ALTER TABLE \"public\".\"User\" ALTER COLUMN \"age\" DROP NOT NULL;");
  }

  @Test
  void drop_table_is_irreversible_and_names_the_ddl_of_the_empty_table() {
    assertThat(reverse("DROP TABLE \"User\";"))
        .singleElement()
        .satisfies(
            reversal -> {
              assertThat(reversal.sql()).isEmpty();
              assertThat(reversal.irreversible())
                  .hasValueSatisfying(
                      why ->
                          assertThat(why)
                              .startsWith("its rows are lost; the empty table comes back with: ")
                              .contains("CREATE TABLE \"public\".\"User\"")
                              .contains("CREATE INDEX \"User_email_idx\""));
            });
  }

  @Test
  void drop_column_is_irreversible_and_names_the_add_column() {
    assertThat(reverse("ALTER TABLE \"User\" DROP COLUMN \"email\";"))
        .singleElement()
        .satisfies(
            reversal -> {
              assertThat(reversal.sql()).isEmpty();
              assertThat(reversal.irreversible())
                  .hasValueSatisfying(
                      why ->
                          assertThat(why)
                              .startsWith(
                                  "its values are lost; the empty column comes back with: ALTER TABLE \"public\".\"User\" ADD COLUMN \"email\""));
            });
  }

  @Test
  void drop_without_a_catalog_is_irreversible() {
    List<Reversal> reversals =
        new ReverseSql(Optional.empty()).reverse(effects("DROP INDEX \"User_email_idx\";"));

    assertThat(reversals)
        .singleElement()
        .satisfies(
            reversal ->
                assertThat(reversal.irreversible())
                    .contains("the dropped object's definition is not known"));
  }

  @Test
  void row_writes_and_unread_statements_are_irreversible_with_a_reason() {
    List<Reversal> reversals =
        reverse(
            """
        DELETE FROM "User" WHERE "id" = 1;
        UPDATE "User" SET "age" = 1;
        TRUNCATE "User";
        DO $$ BEGIN PERFORM 1; END $$;
        """);

    assertThat(reversals).allSatisfy(reversal -> assertThat(reversal.sql()).isEmpty());
    assertThat(reversals)
        .extracting(reversal -> reversal.irreversible().orElseThrow())
        .containsExactly(
            "the statement is not read by driftwatch; write its reverse by hand",
            "the rows it removes are lost; restore them from a backup",
            "the values it overwrites are lost; restore them from a backup",
            "the rows it removes are lost; restore them from a backup");
  }

  @Test
  void renames_are_renamed_back() {
    List<Reversal> reversals =
        reverse(
            """
        ALTER TABLE "User" RENAME COLUMN "email" TO "mail";
        ALTER TABLE "User" RENAME TO "Account";
        """);

    assertThat(reversals)
        .extracting(reversal -> reversal.sql().orElseThrow())
        .containsExactly(
            "ALTER TABLE \"public\".\"Account\" RENAME TO \"User\";",
            "ALTER TABLE \"public\".\"User\" RENAME COLUMN \"mail\" TO \"email\";");
  }

  @Test
  void reversals_come_last_effect_first() {
    List<Reversal> reversals =
        reverse(
            """
        ALTER TABLE "User" ADD COLUMN "name" TEXT;
        CREATE INDEX "User_name_idx" ON "User"("name");
        CREATE TABLE "Tag" ("id" TEXT);
        """);

    assertThat(reversals)
        .extracting(reversal -> reversal.sql().orElseThrow())
        .containsExactly(
            "DROP TABLE \"public\".\"Tag\";",
            "DROP INDEX \"public\".\"User_name_idx\";",
            "ALTER TABLE \"public\".\"User\" DROP COLUMN \"name\";");
  }

  @Test
  void guarded_create_of_an_existing_object_has_nothing_to_undo() {
    assertThat(reverse("CREATE TABLE IF NOT EXISTS \"User\" (\"id\" INTEGER);"))
        .singleElement()
        .satisfies(
            reversal ->
                assertThat(reversal.irreversible())
                    .contains("nothing to undo: the object existed before (IF NOT EXISTS)"));
  }

  @Test
  void a_guarded_create_of_an_existing_table_does_not_hide_later_changes_to_it() {
    List<Reversal> reversals =
        reverse(
            """
        CREATE TABLE IF NOT EXISTS "User" ("id" INTEGER, "nickname" TEXT);
        ALTER TABLE "User" ADD COLUMN "bio" TEXT;
        """);

    assertThat(reversals).hasSize(2);
    assertThat(reversals.get(0).sql())
        .contains("ALTER TABLE \"public\".\"User\" DROP COLUMN \"bio\";");
    assertThat(reversals.get(1).effect().object().kind()).isEqualTo(SchemaObject.Kind.TABLE);
    assertThat(reversals.get(1).irreversible())
        .contains("nothing to undo: the object existed before (IF NOT EXISTS)");
  }
}
