package io.driftwatch.core.effect;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.Column;
import io.driftwatch.core.catalog.ColumnRef;
import io.driftwatch.core.catalog.EnumType;
import io.driftwatch.core.catalog.Index;
import io.driftwatch.core.catalog.IndexKey;
import io.driftwatch.core.catalog.PrimaryKey;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.Sequence;
import io.driftwatch.core.catalog.Table;
import io.driftwatch.core.sql.SqlScript;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PreflightTest {

  static final Catalog LIVE =
      new Catalog(
          16,
          List.of("public"),
          List.of(
              Table.of(
                  QualifiedName.of("public", "User"),
                  List.of(Column.of("id", "integer", false), Column.of("email", "text", false)))),
          List.of(),
          List.of(),
          List.of(),
          List.of());

  static List<Effect> effects(String sql) {
    return new StatementEffects("public").of(SqlScript.split(sql).statements());
  }

  static Map<String, PredictedFailure> predict(String... namesAndScripts) {
    Map<String, List<Effect>> pending = new LinkedHashMap<>();
    for (int i = 0; i < namesAndScripts.length; i += 2) {
      pending.put(namesAndScripts[i], effects(namesAndScripts[i + 1]));
    }
    return Preflight.predict(pending, ObjectSet.of(LIVE));
  }

  @Test
  void creating_an_existing_table_fails_with_already_exists_at_its_line() {
    Map<String, PredictedFailure> failures =
        predict(
            "20250101000000_init",
            """
        -- CreateEnum
        CREATE TYPE "Role" AS ENUM ('USER');

        -- CreateTable
        CREATE TABLE "User" (
            "id" SERIAL NOT NULL
        );
        """);

    assertThat(failures).containsOnlyKeys("20250101000000_init");
    PredictedFailure failure = failures.get("20250101000000_init");
    assertThat(failure.migration()).isEqualTo("20250101000000_init");
    assertThat(failure.line()).isEqualTo(5);
    assertThat(failure.object()).isEqualTo("table \"public\".\"User\"");
    assertThat(failure.reason()).isEqualTo("already exists");
    assertThat(failure.statement()).isEqualTo("CREATE TABLE \"User\" (");
    assertThat(failure.message())
        .isEqualTo("line 5: table \"public\".\"User\" already exists (CREATE TABLE \"User\" ()");
  }

  @Test
  void adding_an_existing_column_fails() {
    PredictedFailure failure =
        predict("m1", "ALTER TABLE \"User\" ADD COLUMN \"email\" TEXT;").get("m1");

    assertThat(failure.object()).isEqualTo("column \"public\".\"User\".\"email\"");
    assertThat(failure.reason()).isEqualTo("already exists");
    assertThat(failure.line()).isEqualTo(1);
  }

  @Test
  void altering_a_missing_table_fails_with_does_not_exist() {
    PredictedFailure failure =
        predict(
                "m1",
                """
        ALTER TABLE "User" ADD COLUMN "age" INTEGER;
        ALTER TABLE "Post" ADD COLUMN "title" TEXT;
        """)
            .get("m1");

    assertThat(failure.line()).isEqualTo(2);
    assertThat(failure.object()).isEqualTo("table \"public\".\"Post\"");
    assertThat(failure.reason()).isEqualTo("does not exist");
  }

  @Test
  void referencing_a_missing_table_fails() {
    PredictedFailure failure =
        predict(
                "m1",
                "ALTER TABLE \"User\" ADD CONSTRAINT \"User_teamId_fkey\" FOREIGN KEY (\"teamId\") REFERENCES \"Team\"(\"id\");")
            .get("m1");

    assertThat(failure.object()).isEqualTo("table \"public\".\"Team\"");
    assertThat(failure.reason()).isEqualTo("does not exist");
  }

  @Test
  void dropping_a_missing_object_fails() {
    PredictedFailure failure = predict("m1", "DROP INDEX \"Nope_idx\";").get("m1");

    assertThat(failure.object()).isEqualTo("index \"public\".\"Nope_idx\"");
    assertThat(failure.reason()).isEqualTo("does not exist");
  }

  @Test
  void a_migration_sees_what_the_earlier_statements_and_migrations_create() {
    Map<String, PredictedFailure> failures =
        predict(
            "m1",
                """
            CREATE TABLE "Post" ("id" TEXT);
            ALTER TABLE "Post" ADD COLUMN "title" TEXT;
            """,
            "m2", "CREATE INDEX \"Post_title_idx\" ON \"Post\"(\"title\");");

    assertThat(failures).isEmpty();
  }

  @Test
  void a_later_migration_creating_what_an_earlier_pending_one_creates_fails() {
    Map<String, PredictedFailure> failures =
        predict(
            "m1", "CREATE TABLE \"Post\" (\"id\" TEXT);",
            "m2", "\n\nCREATE TABLE \"Post\" (\"id\" TEXT);");

    assertThat(failures).containsOnlyKeys("m2");
    assertThat(failures.get("m2").line()).isEqualTo(3);
    assertThat(failures.get("m2").object()).isEqualTo("table \"public\".\"Post\"");
    assertThat(failures.get("m2").reason()).isEqualTo("already exists");
  }

  @Test
  void a_failing_migration_leaves_nothing_so_the_next_one_needing_its_table_fails_too() {
    Map<String, PredictedFailure> failures =
        predict(
            "m1",
                """
            CREATE TABLE "Post" ("id" TEXT);
            CREATE TABLE "User" ("id" INTEGER);
            """,
            "m2", "ALTER TABLE \"Post\" ADD COLUMN \"title\" TEXT;",
            "m3", "CREATE TABLE \"Comment\" (\"id\" TEXT);");

    assertThat(failures).containsOnlyKeys("m1", "m2");
    assertThat(failures.get("m1").object()).isEqualTo("table \"public\".\"User\"");
    assertThat(failures.get("m1").line()).isEqualTo(2);
    assertThat(failures.get("m2").object()).isEqualTo("table \"public\".\"Post\"");
    assertThat(failures.get("m2").reason()).isEqualTo("does not exist");
  }

  @Test
  void failures_keep_the_deploy_order() {
    Map<String, PredictedFailure> failures =
        predict(
            "b", "DROP TABLE \"Missing\";",
            "a", "CREATE TABLE \"User\" (\"id\" INTEGER);");

    assertThat(failures.keySet()).containsExactly("b", "a");
  }

  @Test
  void guarded_statements_are_never_predicted_to_fail() {
    Map<String, PredictedFailure> failures =
        predict(
            "m1",
            """
        CREATE TABLE IF NOT EXISTS "User" ("id" INTEGER, "email" TEXT);
        ALTER TABLE "User" ADD COLUMN IF NOT EXISTS "email" TEXT;
        DROP TABLE IF EXISTS "Missing";
        DROP INDEX IF EXISTS "Nope_idx";
        ALTER TABLE IF EXISTS "Missing" ADD COLUMN "x" TEXT;
        INSERT INTO "User" ("id") VALUES (1) ON CONFLICT DO NOTHING;
        """);

    assertThat(failures).isEmpty();
  }

  @Test
  void objects_of_a_schema_not_read_are_not_predicted() {
    Map<String, PredictedFailure> failures =
        predict(
            "m1",
            """
        ALTER TABLE audit."Log" ADD COLUMN "x" TEXT;
        DROP TABLE audit."Other";
        """);

    assertThat(failures).isEmpty();
  }

  @Test
  void first_failure_plays_the_effects_on_the_given_set() {
    ObjectSet database = ObjectSet.of(LIVE);

    assertThat(
            Preflight.firstFailure("m1", effects("CREATE TABLE \"Post\" (\"id\" TEXT);"), database))
        .isEmpty();
    assertThat(
            database.holds(
                SchemaObject.of(SchemaObject.Kind.TABLE, QualifiedName.of("public", "Post"))))
        .isTrue();
  }

  @Test
  void replacing_a_primary_key_is_not_predicted_to_fail() {
    Table user =
        new Table(
            QualifiedName.of("public", "User"),
            List.of(Column.of("id", "integer", false)),
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
                    false)),
            Optional.empty(),
            Optional.empty());
    ObjectSet live =
        ObjectSet.of(
            new Catalog(
                16, List.of("public"), List.of(user), List.of(), List.of(), List.of(), List.of()));
    Map<String, List<Effect>> pending = new LinkedHashMap<>();
    pending.put(
        "m1",
        effects(
            """
        -- AlterTable
        ALTER TABLE "User" DROP CONSTRAINT "User_pkey",
        ADD CONSTRAINT "User_pkey" PRIMARY KEY ("id");
        """));

    assertThat(Preflight.predict(pending, live)).isEmpty();
  }

  @Test
  void a_renamed_table_keeps_its_columns_for_the_next_migrations() {
    Map<String, PredictedFailure> failures =
        predict(
            "m1", "ALTER TABLE \"User\" RENAME TO \"Account\";",
            "m2", "ALTER TABLE \"Account\" DROP COLUMN \"email\";");

    assertThat(failures).isEmpty();
  }

  @Test
  void prisma_enum_replacement_passes() {
    Catalog live =
        new Catalog(
            16,
            List.of("public"),
            List.of(
                Table.of(
                    QualifiedName.of("public", "User"),
                    List.of(
                        Column.of("id", "integer", false),
                        Column.of("role", "\"Role\"", false)
                            .withUserType(QualifiedName.of("public", "Role"))))),
            List.of(new EnumType(QualifiedName.of("public", "Role"), List.of("USER", "OLD"))),
            List.of(),
            List.of(),
            List.of());
    Map<String, List<Effect>> pending = new LinkedHashMap<>();
    pending.put(
        "m1",
        effects(
            """
        -- AlterEnum
        BEGIN;
        CREATE TYPE "Role_new" AS ENUM ('USER');
        ALTER TABLE "User" ALTER COLUMN "role" TYPE "Role_new" USING ("role"::text::"Role_new");
        ALTER TYPE "Role" RENAME TO "Role_old";
        ALTER TYPE "Role_new" RENAME TO "Role";
        DROP TYPE "Role_old";
        COMMIT;
        """));
    pending.put("m2", effects("ALTER TYPE \"Role\" ADD VALUE 'ADMIN';"));

    assertThat(Preflight.predict(pending, ObjectSet.of(live))).isEmpty();
  }

  @Test
  void adding_an_existing_enum_value_fails() {
    Catalog live =
        new Catalog(
            16,
            List.of("public"),
            List.of(),
            List.of(new EnumType(QualifiedName.of("public", "Role"), List.of("USER"))),
            List.of(),
            List.of(),
            List.of());
    Map<String, List<Effect>> pending = new LinkedHashMap<>();
    pending.put("m1", effects("ALTER TYPE \"Role\" ADD VALUE 'USER';"));

    assertThat(Preflight.predict(pending, ObjectSet.of(live)).get("m1").object())
        .isEqualTo("enum value \"public\".\"Role\" value 'USER'");
  }

  @Test
  void renaming_the_index_of_a_primary_key_created_by_an_earlier_migration_does_not_fail() {
    Map<String, PredictedFailure> failures =
        predict(
            "m1",
            """
        CREATE TABLE "X" ("id" INTEGER NOT NULL, CONSTRAINT "X_pkey" PRIMARY KEY ("id"));
        """,
            "m2",
            """
        ALTER INDEX "X_pkey" RENAME TO "X_id_pkey";
        ALTER TABLE "X" DROP CONSTRAINT "X_id_pkey";
        """);

    assertThat(failures).isEmpty();
  }

  @Test
  void dropping_the_foreign_key_postgresql_named_does_not_fail() {
    Map<String, PredictedFailure> failures =
        predict(
            "m1",
            """
        CREATE TABLE "P" ("id" INT PRIMARY KEY);
        CREATE TABLE "C"("id" INT PRIMARY KEY,"pid" INT REFERENCES "P"("id"));
        """,
            "m2",
            """
        ALTER TABLE "C" DROP CONSTRAINT "C_pid_fkey";
        ALTER TABLE "C" DROP CONSTRAINT "C_pkey";
        ALTER TABLE "P" RENAME CONSTRAINT "P_pkey" TO "P_id_pkey";
        ALTER INDEX "P_id_pkey" RENAME TO "P_key";
        ALTER TABLE "P" DROP CONSTRAINT "P_key";
        """);

    assertThat(failures).isEmpty();
  }

  @Test
  void a_renamed_constraint_index_is_gone_under_its_old_name() {
    PredictedFailure failure =
        predict(
                "m1",
                """
        CREATE TABLE "X" ("id" INTEGER PRIMARY KEY);
        ALTER INDEX "X_pkey" RENAME TO "X_id_pkey";
        ALTER TABLE "X" DROP CONSTRAINT "X_pkey";
        """)
            .get("m1");

    assertThat(failure.line()).isEqualTo(3);
    assertThat(failure.object()).isEqualTo("constraint \"public\".\"X\".\"X_pkey\"");
    assertThat(failure.reason()).isEqualTo("does not exist");
  }

  @Test
  void a_generated_name_taken_gets_the_next_number_and_the_written_one_then_fails() {
    PredictedFailure failure =
        predict(
                "m1",
                """
        CREATE TABLE "T" ("a" INT);
        CREATE INDEX ON "T" ("a");
        CREATE INDEX ON "T" ("a");
        DROP INDEX "T_a_idx1";
        DROP INDEX "T_a_idx1";
        """)
            .get("m1");

    assertThat(failure.line()).isEqualTo(5);
    assertThat(failure.object()).isEqualTo("index \"public\".\"T_a_idx1\"");
  }

  @Test
  void serial_sequences_go_with_their_table_and_set_schema_takes_its_objects_along() {
    Map<String, PredictedFailure> failures =
        predict(
            "m1",
            """
        CREATE TABLE "Team" ("id" SERIAL PRIMARY KEY, "name" TEXT UNIQUE);
        DROP TABLE "Team";
        CREATE SEQUENCE "Team_id_seq";
        CREATE INDEX "Team_name_key" ON "User" ("email");
        """,
            "m2",
            """
        CREATE SCHEMA "archive";
        CREATE TABLE "Old" ("id" SERIAL PRIMARY KEY);
        ALTER TABLE "Old" SET SCHEMA "archive";
        CREATE TABLE "Old" ("id" SERIAL PRIMARY KEY);
        """);

    assertThat(failures).isEmpty();
  }

  @Test
  void dropping_a_table_takes_the_names_postgresql_gave_its_objects() {
    PredictedFailure failure =
        predict(
                "m1",
                """
        CREATE TABLE "Team" ("id" SERIAL PRIMARY KEY, "code" TEXT UNIQUE);
        DROP TABLE "Team";
        ALTER TABLE "User" DROP CONSTRAINT "Team_code_key";
        """)
            .get("m1");

    assertThat(failure.line()).isEqualTo(3);
    assertThat(failure.reason()).isEqualTo("does not exist");
  }

  @Test
  void drop_table_cascade_takes_the_foreign_keys_that_reference_it() {
    Map<String, PredictedFailure> failures =
        predict(
            "m1",
            """
        CREATE TABLE "P" ("id" INT PRIMARY KEY);
        CREATE TABLE "C" ("id" INT, "pid" INT REFERENCES "P");
        """,
            "m2",
            """
        DROP TABLE "P" CASCADE;
        CREATE TABLE "P" ("id" INT PRIMARY KEY);
        ALTER TABLE "C" ADD CONSTRAINT "C_pid_fkey" FOREIGN KEY ("pid") REFERENCES "P"("id");
        """);

    assertThat(failures).isEmpty();
  }

  @Test
  void a_live_serial_sequence_goes_with_its_table() {
    QualifiedName user = QualifiedName.of("public", "User");
    Catalog live =
        new Catalog(
            16,
            List.of("public"),
            LIVE.tables(),
            List.of(),
            List.of(),
            List.of(
                new Sequence(
                    QualifiedName.of("public", "User_id_seq"),
                    "integer",
                    1,
                    1,
                    Optional.of(new ColumnRef(user, "id")))),
            List.of());
    Map<String, List<Effect>> pending = new LinkedHashMap<>();
    pending.put(
        "m1",
        effects(
            """
        DROP TABLE "User";
        CREATE SEQUENCE "User_id_seq";
        """));

    assertThat(Preflight.predict(pending, ObjectSet.of(live))).isEmpty();
  }

  @Test
  void a_model_renamed_as_prisma_renames_it_keeps_its_keys_and_indexes() {
    Map<String, PredictedFailure> failures =
        predict(
            "m1",
            """
        CREATE TABLE "X" ("id" INT, "email" TEXT, CONSTRAINT "X_pkey" PRIMARY KEY ("id"));
        CREATE UNIQUE INDEX "X_email_key" ON "X"("email");
        """,
            "m2",
            """
        ALTER TABLE "X" RENAME TO "Y";
        ALTER TABLE "Y" RENAME CONSTRAINT "X_pkey" TO "Y_pkey";
        ALTER INDEX "X_email_key" RENAME TO "Y_email_key";
        ALTER INDEX "Y_pkey" RENAME TO "Y_id_pkey";
        ALTER TABLE "Y" DROP CONSTRAINT "Y_id_pkey";
        DROP INDEX "Y_email_key";
        CREATE INDEX "X_pkey" ON "Y" ("id");
        """);

    assertThat(failures).isEmpty();
  }

  @Test
  void a_constraint_made_from_an_index_takes_the_index_and_its_name() {
    Map<String, PredictedFailure> failures =
        predict(
            "m1",
            """
        CREATE UNIQUE INDEX CONCURRENTLY "User_email_idx" ON "User" ("email");
        CREATE UNIQUE INDEX "User_id_idx" ON "User" ("id");
        """,
            "m2",
            """
        ALTER TABLE "User" ADD CONSTRAINT "User_email_key" UNIQUE USING INDEX "User_email_idx";
        ALTER TABLE "User" ADD PRIMARY KEY USING INDEX "User_id_idx";
        ALTER TABLE "User" DROP CONSTRAINT "User_email_key";
        ALTER TABLE "User" RENAME CONSTRAINT "User_id_idx" TO "User_pkey";
        CREATE INDEX "User_email_idx" ON "User" ("email");
        """);

    assertThat(failures).isEmpty();
  }

  @Test
  void dropping_a_column_drops_the_indexes_and_constraints_that_use_it() {
    Map<String, PredictedFailure> failures =
        predict(
            "m1",
            """
        CREATE INDEX "User_email_idx" ON "User" ("email");
        CREATE TABLE "X" ("id" INT, "code" TEXT UNIQUE);
        """,
            "m2",
            """
        ALTER TABLE "User" DROP COLUMN "email";
        CREATE INDEX "User_email_idx" ON "User" ("id");
        ALTER TABLE "X" DROP COLUMN "code";
        CREATE INDEX "X_code_key" ON "X" ("id");
        """);

    assertThat(failures).isEmpty();
  }

  @Test
  void dropping_another_column_keeps_the_index() {
    PredictedFailure failure =
        predict(
                "m1",
                """
        CREATE INDEX "User_email_idx" ON "User" ("email");
        ALTER TABLE "User" DROP COLUMN "id";
        CREATE INDEX "User_email_idx" ON "User" ("email");
        """)
            .get("m1");

    assertThat(failure.line()).isEqualTo(3);
    assertThat(failure.reason()).isEqualTo("already exists");
  }
}
