package io.driftwatch.core.effect;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.Column;
import io.driftwatch.core.catalog.ConstraintKind;
import io.driftwatch.core.catalog.EnumType;
import io.driftwatch.core.catalog.Extension;
import io.driftwatch.core.catalog.Index;
import io.driftwatch.core.catalog.IndexKey;
import io.driftwatch.core.catalog.PrimaryKey;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.Table;
import io.driftwatch.core.catalog.View;
import io.driftwatch.core.effect.ObjectSet.Presence;
import io.driftwatch.core.effect.SchemaObject.Kind;
import io.driftwatch.core.sql.SqlScript;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ObjectSetTest {

  static final QualifiedName USER = QualifiedName.of("public", "User");
  static final QualifiedName ROLE = QualifiedName.of("public", "Role");
  static final QualifiedName ACTIVE = QualifiedName.of("public", "ActiveUser");

  static Index index(
      String name,
      boolean unique,
      boolean primary,
      boolean constraintBacked,
      String column,
      String definition) {
    return new Index(
        name,
        unique,
        primary,
        constraintBacked,
        "btree",
        List.of(IndexKey.column(column)),
        List.of(),
        Optional.empty(),
        definition,
        true,
        false);
  }

  static final Table USER_TABLE =
      new Table(
          USER,
          List.of(Column.of("id", "integer", false), Column.of("email", "text", false)),
          Optional.of(new PrimaryKey("User_pkey", List.of("id"), "PRIMARY KEY (id)", false)),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(
              index(
                  "User_pkey",
                  true,
                  true,
                  true,
                  "id",
                  "CREATE UNIQUE INDEX \"User_pkey\" ON public.\"User\" USING btree (id)"),
              index(
                  "User_email_key",
                  true,
                  false,
                  false,
                  "email",
                  "CREATE UNIQUE INDEX \"User_email_key\" ON public.\"User\" USING btree (email)")),
          Optional.empty(),
          Optional.empty());

  static final Catalog CATALOG =
      new Catalog(
          16,
          List.of("public"),
          List.of(USER_TABLE),
          List.of(new EnumType(ROLE, List.of("USER", "ADMIN"))),
          List.of(new View(ACTIVE, false, "SELECT 1", List.of())),
          List.of(),
          List.of(new Extension("pgcrypto", "public", "1.3")));

  static List<Effect> effects(String sql) {
    return new StatementEffects("public").of(SqlScript.split(sql).statements());
  }

  @Test
  void presence_of_what_the_catalog_holds() {
    ObjectSet set = ObjectSet.of(CATALOG);

    assertThat(set.presence(SchemaObject.of(Kind.TABLE, USER))).isEqualTo(Presence.PRESENT);
    assertThat(set.presence(SchemaObject.column(USER, "email"))).isEqualTo(Presence.PRESENT);
    assertThat(set.presence(SchemaObject.constraint(USER, "User_pkey")))
        .isEqualTo(Presence.PRESENT);
    assertThat(
            set.presence(SchemaObject.of(Kind.INDEX, QualifiedName.of("public", "User_email_key"))))
        .isEqualTo(Presence.PRESENT);
    assertThat(set.presence(SchemaObject.of(Kind.ENUM, ROLE))).isEqualTo(Presence.PRESENT);
    assertThat(set.presence(SchemaObject.enumValue(ROLE, "ADMIN"))).isEqualTo(Presence.PRESENT);
    assertThat(set.presence(SchemaObject.of(Kind.VIEW, ACTIVE))).isEqualTo(Presence.PRESENT);
    assertThat(set.presence(SchemaObject.extension("pgcrypto"))).isEqualTo(Presence.PRESENT);
    assertThat(set.presence(SchemaObject.schema("public"))).isEqualTo(Presence.PRESENT);

    assertThat(set.presence(SchemaObject.column(USER, "name"))).isEqualTo(Presence.ABSENT);
    assertThat(set.presence(SchemaObject.enumValue(ROLE, "EDITOR"))).isEqualTo(Presence.ABSENT);
    assertThat(set.presence(SchemaObject.of(Kind.TABLE, QualifiedName.of("public", "Post"))))
        .isEqualTo(Presence.ABSENT);
    assertThat(set.presence(SchemaObject.extension("postgis"))).isEqualTo(Presence.ABSENT);
    assertThat(set.presence(SchemaObject.schema("audit"))).isEqualTo(Presence.ABSENT);
    assertThat(set.holds(SchemaObject.of(Kind.TABLE, USER))).isTrue();
  }

  @Test
  void kinds_are_told_apart() {
    ObjectSet set = ObjectSet.of(CATALOG);

    assertThat(set.presence(SchemaObject.of(Kind.VIEW, USER))).isEqualTo(Presence.ABSENT);
    assertThat(set.presence(SchemaObject.of(Kind.TABLE, ACTIVE))).isEqualTo(Presence.ABSENT);
  }

  @Test
  void objects_in_a_schema_not_read_are_unknown() {
    ObjectSet set = ObjectSet.of(CATALOG);
    QualifiedName log = QualifiedName.of("audit", "Log");

    assertThat(set.presence(SchemaObject.of(Kind.TABLE, log))).isEqualTo(Presence.UNKNOWN);
    assertThat(set.presence(SchemaObject.column(log, "id"))).isEqualTo(Presence.UNKNOWN);
    assertThat(set.conflict(SchemaObject.of(Kind.TABLE, log))).isEmpty();
    assertThat(set.holds(SchemaObject.of(Kind.TABLE, log))).isFalse();
  }

  @Test
  void the_same_object_conflicts_with_itself() {
    ObjectSet set = ObjectSet.of(CATALOG);

    assertThat(set.conflict(SchemaObject.of(Kind.TABLE, USER)))
        .contains("table \"public\".\"User\"");
    assertThat(set.conflict(SchemaObject.column(USER, "email")))
        .contains("column \"public\".\"User\".\"email\"");
    assertThat(set.conflict(SchemaObject.column(USER, "name"))).isEmpty();
  }

  @Test
  void a_new_table_conflicts_with_a_view_of_the_same_name() {
    ObjectSet set = ObjectSet.of(CATALOG);

    assertThat(set.conflict(SchemaObject.of(Kind.TABLE, ACTIVE)))
        .contains("relation \"public\".\"ActiveUser\"");
    assertThat(set.conflict(SchemaObject.of(Kind.INDEX, ACTIVE)))
        .contains("relation \"public\".\"ActiveUser\"");
  }

  @Test
  void a_new_primary_key_conflicts_with_an_index_of_its_name() {
    ObjectSet set = ObjectSet.of(CATALOG);
    QualifiedName post = QualifiedName.of("public", "Post");

    assertThat(
            set.conflict(
                SchemaObject.constraint(post, "User_email_key"), ConstraintKind.PRIMARY_KEY))
        .contains("relation \"public\".\"User_email_key\"");
    assertThat(set.conflict(SchemaObject.constraint(post, "User_email_key"), ConstraintKind.UNIQUE))
        .contains("relation \"public\".\"User_email_key\"");
    assertThat(
            set.conflict(
                SchemaObject.constraint(post, "User_email_key"), ConstraintKind.FOREIGN_KEY))
        .isEmpty();
    assertThat(set.conflict(SchemaObject.constraint(post, "Post_pkey"), ConstraintKind.PRIMARY_KEY))
        .isEmpty();
  }

  @Test
  void apply_create_makes_the_object_present_in_this_set_only() {
    ObjectSet set = ObjectSet.of(CATALOG);
    ObjectSet copy = set.copy();
    QualifiedName post = QualifiedName.of("public", "Post");

    effects(
            """
        CREATE TABLE "Post" ("id" TEXT NOT NULL, CONSTRAINT "Post_pkey" PRIMARY KEY ("id"));
        CREATE INDEX "Post_id_idx" ON "Post"("id");
        """)
        .forEach(copy::apply);

    assertThat(copy.presence(SchemaObject.of(Kind.TABLE, post))).isEqualTo(Presence.PRESENT);
    assertThat(copy.presence(SchemaObject.column(post, "id"))).isEqualTo(Presence.PRESENT);
    assertThat(copy.presence(SchemaObject.constraint(post, "Post_pkey")))
        .isEqualTo(Presence.PRESENT);
    assertThat(
            copy.presence(SchemaObject.of(Kind.INDEX, QualifiedName.of("public", "Post_id_idx"))))
        .isEqualTo(Presence.PRESENT);
    assertThat(copy.conflict(SchemaObject.of(Kind.INDEX, QualifiedName.of("public", "Post_pkey"))))
        .contains("index \"public\".\"Post_pkey\"");
    assertThat(set.presence(SchemaObject.of(Kind.TABLE, post))).isEqualTo(Presence.ABSENT);
  }

  @Test
  void drop_table_removes_its_columns_constraints_and_indexes() {
    ObjectSet set = ObjectSet.of(CATALOG);

    effects("DROP TABLE \"User\";").forEach(set::apply);

    assertThat(set.presence(SchemaObject.of(Kind.TABLE, USER))).isEqualTo(Presence.ABSENT);
    assertThat(set.presence(SchemaObject.column(USER, "id"))).isEqualTo(Presence.ABSENT);
    assertThat(set.presence(SchemaObject.constraint(USER, "User_pkey"))).isEqualTo(Presence.ABSENT);
    assertThat(
            set.presence(SchemaObject.of(Kind.INDEX, QualifiedName.of("public", "User_email_key"))))
        .isEqualTo(Presence.ABSENT);
    assertThat(set.conflict(SchemaObject.of(Kind.INDEX, QualifiedName.of("public", "User_pkey"))))
        .isEmpty();
    assertThat(set.presence(SchemaObject.of(Kind.VIEW, ACTIVE))).isEqualTo(Presence.PRESENT);
  }

  @Test
  void drop_of_a_table_created_by_the_set_removes_its_new_index() {
    ObjectSet set = ObjectSet.of(CATALOG);
    QualifiedName index = QualifiedName.of("public", "Post_title_idx");

    effects(
            """
        CREATE TABLE "Post" ("title" TEXT);
        CREATE INDEX "Post_title_idx" ON "Post"("title");
        DROP TABLE "Post";
        """)
        .forEach(set::apply);

    assertThat(set.presence(SchemaObject.of(Kind.INDEX, index))).isEqualTo(Presence.ABSENT);
    assertThat(set.conflict(SchemaObject.of(Kind.TABLE, index))).isEmpty();
  }

  @Test
  void rename_moves_the_object() {
    ObjectSet set = ObjectSet.of(CATALOG);

    List<Effect> rename = effects("ALTER TABLE \"User\" RENAME COLUMN \"email\" TO \"mail\";");
    rename.forEach(set::apply);

    assertThat(set.presence(SchemaObject.column(USER, "mail"))).isEqualTo(Presence.PRESENT);
    assertThat(set.presence(SchemaObject.column(USER, "email"))).isEqualTo(Presence.ABSENT);
    assertThat(set.achieved(rename.get(0))).isEqualTo(Presence.PRESENT);
    assertThat(ObjectSet.of(CATALOG).achieved(rename.get(0))).isEqualTo(Presence.ABSENT);
  }

  @Test
  void achieved_tells_creates_drops_and_row_writes() {
    ObjectSet set = ObjectSet.of(CATALOG);
    List<Effect> effects =
        effects(
            """
        CREATE TABLE "User" ("id" INTEGER);
        ALTER TABLE "User" ADD COLUMN "name" TEXT;
        DROP TABLE "Gone";
        DROP INDEX "User_email_key";
        INSERT INTO "User" ("id") VALUES (1);
        """);

    assertThat(effects)
        .extracting(set::achieved)
        .containsExactly(
            Presence.PRESENT,
            Presence.PRESENT,
            Presence.ABSENT,
            Presence.PRESENT,
            Presence.ABSENT,
            Presence.UNKNOWN);
  }

  @Test
  void dropping_a_primary_key_frees_the_name_of_its_index() {
    ObjectSet set = ObjectSet.of(CATALOG);
    List<Effect> effects =
        effects(
            "ALTER TABLE \"User\" DROP CONSTRAINT \"User_pkey\", ADD CONSTRAINT \"User_pkey\" PRIMARY KEY (\"id\", \"email\");");

    set.apply(effects.get(0));

    assertThat(set.presence(SchemaObject.constraint(USER, "User_pkey"))).isEqualTo(Presence.ABSENT);
    assertThat(set.presence(SchemaObject.of(Kind.INDEX, QualifiedName.of("public", "User_pkey"))))
        .isEqualTo(Presence.ABSENT);
    assertThat(set.conflict(effects.get(1))).isEmpty();
    set.apply(effects.get(1));
    assertThat(set.conflict(SchemaObject.of(Kind.INDEX, QualifiedName.of("public", "User_pkey"))))
        .contains("index \"public\".\"User_pkey\"");
  }

  @Test
  void renaming_a_primary_key_renames_its_index() {
    ObjectSet set = ObjectSet.of(CATALOG);

    effects("ALTER TABLE \"User\" RENAME CONSTRAINT \"User_pkey\" TO \"Account_pkey\";")
        .forEach(set::apply);

    assertThat(set.presence(SchemaObject.constraint(USER, "Account_pkey")))
        .isEqualTo(Presence.PRESENT);
    assertThat(set.conflict(SchemaObject.of(Kind.INDEX, QualifiedName.of("public", "User_pkey"))))
        .isEmpty();
    assertThat(
            set.conflict(SchemaObject.of(Kind.INDEX, QualifiedName.of("public", "Account_pkey"))))
        .contains("index \"public\".\"Account_pkey\"");
  }

  @Test
  void renaming_a_table_keeps_its_columns_constraints_and_indexes() {
    ObjectSet set = ObjectSet.of(CATALOG);
    QualifiedName account = QualifiedName.of("public", "Account");

    effects("ALTER TABLE \"User\" RENAME TO \"Account\";").forEach(set::apply);

    assertThat(set.presence(SchemaObject.of(Kind.TABLE, account))).isEqualTo(Presence.PRESENT);
    assertThat(set.presence(SchemaObject.of(Kind.TABLE, USER))).isEqualTo(Presence.ABSENT);
    assertThat(set.presence(SchemaObject.column(account, "email"))).isEqualTo(Presence.PRESENT);
    assertThat(set.presence(SchemaObject.column(USER, "email"))).isEqualTo(Presence.ABSENT);
    assertThat(set.presence(SchemaObject.constraint(account, "User_pkey")))
        .isEqualTo(Presence.PRESENT);

    effects("DROP TABLE \"Account\";").forEach(set::apply);

    assertThat(
            set.presence(SchemaObject.of(Kind.INDEX, QualifiedName.of("public", "User_email_key"))))
        .isEqualTo(Presence.ABSENT);
    assertThat(set.presence(SchemaObject.column(account, "email"))).isEqualTo(Presence.ABSENT);
  }

  @Test
  void a_try_taken_back_leaves_the_set_as_it_was() {
    ObjectSet set = ObjectSet.of(CATALOG);
    List<Effect> changes =
        effects(
            """
        CREATE TABLE "Post" ("id" INTEGER, CONSTRAINT "Post_pkey" PRIMARY KEY ("id"));
        CREATE INDEX "Post_id_idx" ON "Post"("id");
        ALTER TABLE "User" RENAME TO "Member";
        ALTER TABLE "Member" DROP COLUMN "email";
        ALTER INDEX "User_email_key" RENAME TO "Member_email_key";
        ALTER TYPE "Role" RENAME TO "Kind";
        DROP VIEW "ActiveUser";
        """);
    List<SchemaObject> probes =
        List.of(
            SchemaObject.of(Kind.TABLE, USER),
            SchemaObject.column(USER, "email"),
            SchemaObject.constraint(USER, "User_pkey"),
            SchemaObject.of(Kind.INDEX, QualifiedName.of("public", "User_pkey")),
            SchemaObject.of(Kind.INDEX, QualifiedName.of("public", "User_email_key")),
            SchemaObject.of(Kind.TABLE, QualifiedName.of("public", "Member")),
            SchemaObject.of(Kind.ENUM, ROLE),
            SchemaObject.enumValue(ROLE, "ADMIN"),
            SchemaObject.of(Kind.VIEW, ACTIVE),
            SchemaObject.of(Kind.TABLE, QualifiedName.of("public", "Post")));
    List<Presence> before = probes.stream().map(set::presence).toList();

    set.begin();
    changes.forEach(set::apply);
    assertThat(set.presence(SchemaObject.column(QualifiedName.of("public", "Member"), "id")))
        .isEqualTo(Presence.PRESENT);
    assertThat(probes.stream().map(set::presence).toList()).isNotEqualTo(before);
    set.rollback();

    assertThat(probes.stream().map(set::presence).toList()).isEqualTo(before);
    // The set works on as before: dropping the table takes its columns, constraints and indexes
    // with it.
    set.apply(effects("DROP TABLE \"User\";").get(0));
    assertThat(set.presence(SchemaObject.column(USER, "id"))).isEqualTo(Presence.ABSENT);
    assertThat(
            set.conflict(SchemaObject.of(Kind.INDEX, QualifiedName.of("public", "User_email_key"))))
        .isEmpty();
  }

  @Test
  void a_try_kept_stays_and_a_second_one_can_open() {
    ObjectSet set = ObjectSet.of(CATALOG);
    set.begin();
    set.apply(effects("CREATE TABLE \"Post\" (\"id\" INTEGER);").get(0));
    set.commit();
    set.begin();
    set.rollback();
    assertThat(set.presence(SchemaObject.of(Kind.TABLE, QualifiedName.of("public", "Post"))))
        .isEqualTo(Presence.PRESENT);
  }

  @Test
  void a_try_taken_back_frees_the_names_postgresql_chose_in_it() {
    ObjectSet set = ObjectSet.of(CATALOG);
    String sql =
        """
        CREATE TABLE "Team" ("id" SERIAL PRIMARY KEY, "userId" INTEGER REFERENCES "User", CHECK ("id" > 0));
        ALTER INDEX "Team_pkey" RENAME TO "Team_id_pkey";
        """;

    set.begin();
    List<String> first = named(set, sql);
    set.rollback();
    List<String> again = named(set, sql);

    assertThat(first)
        .containsExactly("Team_id_seq", "Team_id_check", "Team_pkey", "Team_userId_fkey");
    assertThat(again).isEqualTo(first);
    assertThat(
            set.presence(
                SchemaObject.constraint(QualifiedName.of("public", "Team"), "Team_id_pkey")))
        .isEqualTo(Presence.PRESENT);
  }

  /** The names PostgreSQL gives the objects the script leaves unnamed, played on the set. */
  private static List<String> named(ObjectSet set, String sql) {
    List<String> names = new ArrayList<>();
    for (Effect written : effects(sql)) {
      Effect effect = set.named(written);
      if (effect.implicitName().isPresent()) {
        names.add(
            effect.object().kind() == Kind.CONSTRAINT
                ? effect.object().part()
                : effect.object().name().name());
      }
      set.apply(effect);
    }
    return names;
  }
}
