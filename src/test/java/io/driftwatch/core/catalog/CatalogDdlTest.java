package io.driftwatch.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CatalogDdlTest {

  static final QualifiedName USER = QualifiedName.of("public", "User");
  static final QualifiedName POST = QualifiedName.of("public", "Post");
  static final QualifiedName ROLE = QualifiedName.of("public", "Role");

  static final EnumType ROLE_ENUM = new EnumType(ROLE, List.of("USER", "EDITOR", "ADMIN"));

  static final Column USER_ID =
      Column.of("id", "integer", false).withDefault("nextval('public.\"User_id_seq\"'::regclass)");
  static final Column USER_ROLE =
      Column.of("role", "\"Role\"", false)
          .withUserType(ROLE)
          .withDefault("'USER'::public.\"Role\"");

  static final Table USER_TABLE =
      new Table(
          USER,
          List.of(
              USER_ID,
              Column.of("email", "text", false),
              USER_ROLE,
              Column.of("createdAt", "timestamp(3) without time zone", false)
                  .withDefault("CURRENT_TIMESTAMP")),
          Optional.of(new PrimaryKey("User_pkey", List.of("id"), "PRIMARY KEY (id)", false)),
          List.of(),
          List.of(),
          List.of(),
          List.of(),
          List.of(
              index(
                  "User_email_key",
                  true,
                  "CREATE UNIQUE INDEX \"User_email_key\" ON public.\"User\" USING btree (email)"),
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

  static final ForeignKey POST_AUTHOR =
      new ForeignKey(
          "Post_authorId_fkey",
          List.of("authorId"),
          USER,
          List.of("id"),
          ReferentialAction.RESTRICT,
          ReferentialAction.CASCADE,
          "FOREIGN KEY (\"authorId\") REFERENCES public.\"User\"(id) ON UPDATE CASCADE ON DELETE RESTRICT",
          false);

  static final Table POST_TABLE =
      new Table(
          POST,
          List.of(
              Column.of("id", "text", false),
              Column.of("authorId", "integer", false),
              Column.of("price", "numeric(65,30)", true)),
          Optional.of(new PrimaryKey("Post_pkey", List.of("id"), "PRIMARY KEY (id)", false)),
          List.of(),
          List.of(POST_AUTHOR),
          List.of(
              new CheckConstraint(
                  "Post_price_check", List.of("price"), "CHECK ((price >= (0)::numeric))", false)),
          List.of(),
          List.of(),
          Optional.empty(),
          Optional.empty());

  static final Sequence USER_ID_SEQ =
      new Sequence(
          QualifiedName.of("public", "User_id_seq"),
          "integer",
          1,
          1,
          Optional.of(new ColumnRef(USER, "id")));

  static final View AUTHORS =
      new View(
          QualifiedName.of("public", "Authors"),
          false,
          "SELECT u.id\n   FROM public.\"User\" u",
          List.of(USER));

  static final Catalog CATALOG =
      new Catalog(
          15,
          List.of("public"),
          List.of(POST_TABLE, USER_TABLE),
          List.of(ROLE_ENUM),
          List.of(AUTHORS),
          List.of(USER_ID_SEQ),
          List.of(new Extension("citext", "public", "1.6")));

  static final CatalogDdl DDL = new CatalogDdl(CATALOG);

  static Index index(String name, boolean unique, String definition) {
    return new Index(
        name,
        unique,
        false,
        false,
        "btree",
        List.of(IndexKey.column("email")),
        List.of(),
        Optional.empty(),
        definition,
        true,
        false);
  }

  @Test
  void identifiers_are_quoted_like_prisma_and_literals_escaped() {
    assertThat(CatalogDdl.quote("User")).isEqualTo("\"User\"");
    assertThat(CatalogDdl.quote("we\"ird")).isEqualTo("\"we\"\"ird\"");
    assertThat(CatalogDdl.literal("it's")).isEqualTo("'it''s'");
    assertThat(USER.quoted()).isEqualTo("\"public\".\"User\"");
  }

  @Test
  void create_table_writes_serial_columns_and_the_primary_key_like_prisma() {
    assertThat(DDL.createTable(USER_TABLE))
        .isEqualTo(
            """
        CREATE TABLE "public"."User" (
            "id" SERIAL NOT NULL,
            "email" text NOT NULL,
            "role" "public"."Role" NOT NULL DEFAULT 'USER'::public."Role",
            "createdAt" timestamp(3) without time zone NOT NULL DEFAULT CURRENT_TIMESTAMP,

            CONSTRAINT "User_pkey" PRIMARY KEY ("id")
        );""");
    assertThat(DDL.dropTable(USER_TABLE)).isEqualTo("DROP TABLE \"public\".\"User\";");
  }

  @Test
  void a_sequence_default_that_is_not_exactly_a_serial_keeps_its_sequence() {
    Sequence startsAt100 =
        new Sequence(USER_ID_SEQ.name(), "integer", 100, 1, USER_ID_SEQ.ownedBy());
    Catalog catalog =
        new Catalog(
            15,
            List.of("public"),
            List.of(USER_TABLE),
            List.of(ROLE_ENUM),
            List.of(),
            List.of(startsAt100),
            List.of());
    CatalogDdl ddl = new CatalogDdl(catalog);

    assertThat(ddl.createTable(USER_TABLE))
        .contains("\"id\" integer NOT NULL DEFAULT nextval('public.\"User_id_seq\"'::regclass),");
    assertThat(ddl.createSequence(startsAt100))
        .isEqualTo(
            "CREATE SEQUENCE \"public\".\"User_id_seq\" AS integer INCREMENT BY 1 START WITH 100;");
    assertThat(ddl.sequenceOwnership(startsAt100))
        .contains("ALTER SEQUENCE \"public\".\"User_id_seq\" OWNED BY \"public\".\"User\".\"id\";");
    assertThat(ddl.script())
        .contains("-- CreateSequence\nCREATE SEQUENCE")
        .contains("-- AlterSequence\nALTER SEQUENCE");
    assertThat(DDL.sequenceOwnership(USER_ID_SEQ))
        .as("a SERIAL's sequence comes with its column")
        .isEmpty();
  }

  @Test
  void nextval_defaults_name_their_sequence_in_regclass_quoting() {
    assertThat(CatalogDdl.nextvalSequence("nextval('public.\"User_id_seq\"'::regclass)"))
        .contains(QualifiedName.of("public", "User_id_seq"));
    assertThat(CatalogDdl.nextvalSequence("nextval('\"my schema\".\"a\"\"b\"'::regclass)"))
        .contains(QualifiedName.of("my schema", "a\"b"));
    assertThat(CatalogDdl.nextvalSequence("nextval('public.it''s'::regclass)"))
        .contains(QualifiedName.of("public", "it's"));
    assertThat(CatalogDdl.nextvalSequence("nextval('user_id_seq'::regclass)"))
        .as("unqualified")
        .isEmpty();
    assertThat(CatalogDdl.nextvalSequence("CURRENT_TIMESTAMP")).isEmpty();
  }

  @Test
  void identity_generated_and_collated_columns() {
    Table table =
        Table.of(
            QualifiedName.of("audit", "Event"),
            List.of(
                Column.of("id", "bigint", false).withIdentity(Identity.ALWAYS),
                Column.of("code", "text", true).withCollation("\"C\""),
                Column.of("lower", "text", true).withGenerated("lower(code)"),
                Column.of("level", "\"Level\"[]", true)
                    .withUserType(QualifiedName.of("audit", "Level")),
                Column.of("role", "public.\"Role\"", true).withUserType(ROLE)));

    assertThat(DDL.createTable(table))
        .isEqualTo(
            """
        CREATE TABLE "audit"."Event" (
            "id" bigint NOT NULL GENERATED ALWAYS AS IDENTITY,
            "code" text COLLATE "C",
            "lower" text GENERATED ALWAYS AS (lower(code)) STORED,
            "level" "audit"."Level"[],
            "role" public."Role"
        );""");
  }

  @Test
  void partitioned_tables_and_partitions() {
    Table parent =
        new Table(
            QualifiedName.of("public", "Measurement"),
            List.of(Column.of("takenAt", "date", false)),
            Optional.empty(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(
                new Index(
                    "Measurement_takenAt_idx",
                    false,
                    false,
                    false,
                    "btree",
                    List.of(IndexKey.column("takenAt")),
                    List.of(),
                    Optional.empty(),
                    "CREATE INDEX \"Measurement_takenAt_idx\" ON ONLY public.\"Measurement\" USING btree (\"takenAt\")",
                    true,
                    false)),
            Optional.of("RANGE (\"takenAt\")"),
            Optional.empty());
    Table child =
        new Table(
            QualifiedName.of("public", "Measurement_2025"),
            parent.columns(),
            Optional.empty(),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(
                new Index(
                    "Measurement_2025_takenAt_idx",
                    false,
                    false,
                    false,
                    "btree",
                    List.of(IndexKey.column("takenAt")),
                    List.of(),
                    Optional.empty(),
                    "CREATE INDEX \"Measurement_2025_takenAt_idx\" ON public.\"Measurement_2025\" USING btree (\"takenAt\")",
                    true,
                    true)),
            Optional.empty(),
            Optional.of(
                new Partition(parent.name(), "FOR VALUES FROM ('2025-01-01') TO ('2026-01-01')")));

    assertThat(DDL.createTable(parent))
        .isEqualTo(
            """
        CREATE TABLE "public"."Measurement" (
            "takenAt" date NOT NULL
        ) PARTITION BY RANGE ("takenAt");""");
    assertThat(DDL.createIndex(parent, parent.indexes().get(0)))
        .as("reaches the partitions")
        .isEqualTo(
            "CREATE INDEX \"Measurement_takenAt_idx\" ON public.\"Measurement\" USING btree (\"takenAt\");");
    assertThat(DDL.reproduceTable(child))
        .as("the inherited index comes with PARTITION OF")
        .containsExactly(
            "CREATE TABLE \"public\".\"Measurement_2025\" PARTITION OF \"public\".\"Measurement\""
                + " FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');");

    Catalog catalog =
        new Catalog(
            15,
            List.of("public"),
            List.of(child, parent),
            List.of(),
            List.of(),
            List.of(),
            List.of());
    String script = new CatalogDdl(catalog).script();
    assertThat(script.indexOf("CREATE TABLE \"public\".\"Measurement\" ("))
        .as("parent first")
        .isLessThan(script.indexOf("CREATE TABLE \"public\".\"Measurement_2025\""));
  }

  @Test
  void reproduce_table_adds_constraints_indexes_then_foreign_keys() {
    assertThat(DDL.reproduceTable(POST_TABLE))
        .containsExactly(
            """
        CREATE TABLE "public"."Post" (
            "id" text NOT NULL,
            "authorId" integer NOT NULL,
            "price" numeric(65,30),

            CONSTRAINT "Post_pkey" PRIMARY KEY ("id")
        );""",
            "ALTER TABLE \"public\".\"Post\" ADD CONSTRAINT \"Post_price_check\" CHECK ((price >= (0)::numeric));",
            "ALTER TABLE \"public\".\"Post\" ADD CONSTRAINT \"Post_authorId_fkey\" FOREIGN KEY (\"authorId\")"
                + " REFERENCES \"public\".\"User\"(\"id\") ON DELETE RESTRICT ON UPDATE CASCADE;");
    assertThat(DDL.reproduceTable(USER_TABLE))
        .as("the primary key's index comes with the constraint")
        .hasSize(2)
        .last()
        .isEqualTo(
            "CREATE UNIQUE INDEX \"User_email_key\" ON public.\"User\" USING btree (email);");
  }

  @Test
  void foreign_keys_beyond_what_the_fields_say_keep_postgres_definition() {
    ForeignKey deferrable =
        new ForeignKey(
            "Post_authorId_fkey",
            List.of("authorId"),
            USER,
            List.of("id"),
            ReferentialAction.NO_ACTION,
            ReferentialAction.NO_ACTION,
            "FOREIGN KEY (\"authorId\") REFERENCES public.\"User\"(id) DEFERRABLE INITIALLY DEFERRED",
            false);

    assertThat(DDL.addConstraint(POST_TABLE, deferrable))
        .isEqualTo(
            "ALTER TABLE \"public\".\"Post\" ADD CONSTRAINT"
                + " \"Post_authorId_fkey\" FOREIGN KEY (\"authorId\") REFERENCES public.\"User\"(id)"
                + " DEFERRABLE INITIALLY DEFERRED;");
    assertThat(DDL.dropConstraint(POST_TABLE, deferrable))
        .isEqualTo("ALTER TABLE \"public\".\"Post\" DROP CONSTRAINT \"Post_authorId_fkey\";");
    PrimaryKey covering =
        new PrimaryKey("Post_pkey", List.of("id"), "PRIMARY KEY (id) INCLUDE (price)", false);
    assertThat(DDL.addConstraint(POST_TABLE, covering))
        .isEqualTo(
            "ALTER TABLE \"public\".\"Post\" ADD CONSTRAINT \"Post_pkey\" PRIMARY KEY (id) INCLUDE (price);");
  }

  @Test
  void indexes_are_created_from_their_definition_and_dropped_by_qualified_name() {
    Index email = USER_TABLE.index("User_email_key").orElseThrow();
    assertThat(DDL.createIndex(USER_TABLE, email))
        .isEqualTo(
            "CREATE UNIQUE INDEX \"User_email_key\" ON public.\"User\" USING btree (email);");
    assertThat(DDL.dropIndex(USER_TABLE, email))
        .isEqualTo("DROP INDEX \"public\".\"User_email_key\";");

    Index primary = USER_TABLE.index("User_pkey").orElseThrow();
    assertThatThrownBy(() -> DDL.createIndex(USER_TABLE, primary))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageEndingWith("render the constraint with addConstraint");
  }

  @Test
  void enums_are_created_extended_and_recreated_without_a_value() {
    assertThat(DDL.createEnum(ROLE_ENUM))
        .isEqualTo("CREATE TYPE \"public\".\"Role\" AS ENUM ('USER', 'EDITOR', 'ADMIN');");
    assertThat(DDL.dropEnum(ROLE_ENUM)).isEqualTo("DROP TYPE \"public\".\"Role\";");
    assertThat(DDL.addEnumValue(ROLE_ENUM, "EDITOR"))
        .isEqualTo("ALTER TYPE \"public\".\"Role\" ADD VALUE 'EDITOR' AFTER 'USER';");
    assertThat(DDL.addEnumValue(ROLE_ENUM, "USER"))
        .isEqualTo("ALTER TYPE \"public\".\"Role\" ADD VALUE 'USER' BEFORE 'EDITOR';");
    assertThatThrownBy(() -> DDL.addEnumValue(ROLE_ENUM, "GUEST"))
        .isInstanceOf(IllegalArgumentException.class);

    assertThat(DDL.recreateEnum(new EnumType(ROLE, List.of("USER", "ADMIN"))))
        .containsExactly(
            "CREATE TYPE \"public\".\"Role_new\" AS ENUM ('USER', 'ADMIN');",
            "ALTER TABLE \"public\".\"User\" ALTER COLUMN \"role\" DROP DEFAULT;",
            "ALTER TABLE \"public\".\"User\" ALTER COLUMN \"role\" TYPE \"public\".\"Role_new\""
                + " USING (\"role\"::text::\"public\".\"Role_new\");",
            "ALTER TYPE \"public\".\"Role\" RENAME TO \"Role_old\";",
            "ALTER TYPE \"public\".\"Role_new\" RENAME TO \"Role\";",
            "DROP TYPE \"public\".\"Role_old\";",
            "ALTER TABLE \"public\".\"User\" ALTER COLUMN \"role\" SET DEFAULT 'USER'::public.\"Role\";");
  }

  @Test
  void recreating_an_enum_rebuilds_the_indexes_and_checks_that_name_it() {
    Table account =
        new Table(
            QualifiedName.of("public", "Account"),
            List.of(Column.of("roles", "\"Role\"[]", true).withUserType(ROLE)),
            Optional.empty(),
            List.of(),
            List.of(),
            List.of(
                new CheckConstraint(
                    "Account_roles_check",
                    List.of("roles"),
                    "CHECK ((roles <> '{}'::public.\"Role\"[]))",
                    false)),
            List.of(),
            List.of(
                new Index(
                    "Account_admins_idx",
                    false,
                    false,
                    false,
                    "gin",
                    List.of(IndexKey.column("roles")),
                    List.of(),
                    Optional.of("('ADMIN'::public.\"Role\" = ANY (roles))"),
                    "CREATE INDEX \"Account_admins_idx\" ON public.\"Account\" USING gin (roles)"
                        + " WHERE ('ADMIN'::public.\"Role\" = ANY (roles))",
                    true,
                    false)),
            Optional.empty(),
            Optional.empty());
    CatalogDdl ddl =
        new CatalogDdl(
            new Catalog(
                15,
                List.of("public"),
                List.of(account),
                List.of(ROLE_ENUM),
                List.of(),
                List.of(),
                List.of()));

    assertThat(ddl.recreateEnum(new EnumType(ROLE, List.of("USER", "ADMIN"))))
        .containsExactly(
            "CREATE TYPE \"public\".\"Role_new\" AS ENUM ('USER', 'ADMIN');",
            "DROP INDEX \"public\".\"Account_admins_idx\";",
            "ALTER TABLE \"public\".\"Account\" DROP CONSTRAINT \"Account_roles_check\";",
            "ALTER TABLE \"public\".\"Account\" ALTER COLUMN \"roles\" TYPE \"public\".\"Role_new\"[]"
                + " USING (\"roles\"::text[]::\"public\".\"Role_new\"[]);",
            "ALTER TYPE \"public\".\"Role\" RENAME TO \"Role_old\";",
            "ALTER TYPE \"public\".\"Role_new\" RENAME TO \"Role\";",
            "DROP TYPE \"public\".\"Role_old\";",
            "CREATE INDEX \"Account_admins_idx\" ON public.\"Account\" USING gin (roles)"
                + " WHERE ('ADMIN'::public.\"Role\" = ANY (roles));",
            "ALTER TABLE \"public\".\"Account\" ADD CONSTRAINT \"Account_roles_check\""
                + " CHECK ((roles <> '{}'::public.\"Role\"[]));");
  }

  @Test
  void columns_are_added_dropped_and_altered_in_one_statement() {
    Column name = Column.of("name", "character varying(255)", true);
    assertThat(DDL.addColumn(USER_TABLE, name))
        .isEqualTo("ALTER TABLE \"public\".\"User\" ADD COLUMN \"name\" character varying(255);");
    assertThat(DDL.dropColumn(USER_TABLE, name))
        .isEqualTo("ALTER TABLE \"public\".\"User\" DROP COLUMN \"name\";");

    Column wider = Column.of("name", "text", false).withDefault("''::text");
    assertThat(DDL.alterColumn(USER_TABLE, name, wider))
        .containsExactly(
            "ALTER TABLE \"public\".\"User\""
                + " ALTER COLUMN \"name\" SET DATA TYPE text USING \"name\"::text, ALTER COLUMN \"name\" SET NOT NULL,"
                + " ALTER COLUMN \"name\" SET DEFAULT ''::text;");
    assertThat(DDL.alterColumn(USER_TABLE, wider, name))
        .containsExactly(
            "ALTER TABLE \"public\".\"User\""
                + " ALTER COLUMN \"name\" DROP DEFAULT, ALTER COLUMN \"name\" SET DATA TYPE character varying(255)"
                + " USING \"name\"::character varying(255), ALTER COLUMN \"name\" DROP NOT NULL;");
    assertThat(DDL.alterColumn(USER_TABLE, name, name)).isEmpty();

    Column id = Column.of("id", "integer", false);
    assertThat(DDL.alterColumn(USER_TABLE, id, id.withIdentity(Identity.BY_DEFAULT)))
        .containsExactly(
            "ALTER TABLE \"public\".\"User\" ALTER COLUMN \"id\" ADD GENERATED BY DEFAULT AS IDENTITY;");
    assertThat(
            DDL.alterColumn(
                USER_TABLE, id.withIdentity(Identity.BY_DEFAULT), id.withIdentity(Identity.ALWAYS)))
        .containsExactly(
            "ALTER TABLE \"public\".\"User\" ALTER COLUMN \"id\" SET GENERATED ALWAYS;");
    assertThat(DDL.alterColumn(USER_TABLE, id.withIdentity(Identity.ALWAYS), id))
        .containsExactly("ALTER TABLE \"public\".\"User\" ALTER COLUMN \"id\" DROP IDENTITY;");

    Column generated = Column.of("lower", "text", true).withGenerated("lower(email)");
    assertThat(
            DDL.alterColumn(
                USER_TABLE,
                generated,
                Column.of("lower", "text", true).withGenerated("upper(email)")))
        .as("a generation expression cannot be altered in place")
        .containsExactly(
            "ALTER TABLE \"public\".\"User\" DROP COLUMN \"lower\";",
            "ALTER TABLE \"public\".\"User\" ADD COLUMN \"lower\" text GENERATED ALWAYS AS (upper(email)) STORED;");
  }

  @Test
  void views_extensions_and_schemas() {
    assertThat(DDL.createView(AUTHORS))
        .isEqualTo(
            """
        CREATE VIEW "public"."Authors" AS
        SELECT u.id
           FROM public."User" u;""");
    View materialized = new View(AUTHORS.name(), true, AUTHORS.definition(), AUTHORS.dependsOn());
    assertThat(DDL.dropView(materialized))
        .isEqualTo("DROP MATERIALIZED VIEW \"public\".\"Authors\";");
    assertThat(DDL.createExtension(CATALOG.extensions().get(0)))
        .isEqualTo("CREATE EXTENSION IF NOT EXISTS \"citext\" WITH SCHEMA \"public\";");
    assertThat(DDL.createSchema("audit")).isEqualTo("CREATE SCHEMA IF NOT EXISTS \"audit\";");
  }

  @Test
  void views_come_after_the_views_they_read() {
    View first =
        new View(
            QualifiedName.of("public", "a_reads_b"),
            false,
            "SELECT 1",
            List.of(QualifiedName.of("public", "b")));
    View second = new View(QualifiedName.of("public", "b"), false, "SELECT 2", List.of(USER));
    String script =
        new CatalogDdl(
                new Catalog(
                    15,
                    List.of("public"),
                    List.of(USER_TABLE),
                    List.of(),
                    List.of(first, second),
                    List.of(),
                    List.of()))
            .script();

    assertThat(script.indexOf("\"public\".\"b\" AS"))
        .isLessThan(script.indexOf("\"public\".\"a_reads_b\" AS"));
  }

  @Test
  void the_script_builds_in_dependency_order_with_prisma_section_comments() {
    String script = DDL.script();

    assertThat(script)
        .startsWith(
            "-- CreateExtension\n"
                + "CREATE EXTENSION IF NOT EXISTS \"citext\" WITH SCHEMA \"public\";\n\n"
                + "-- CreateEnum\nCREATE TYPE \"public\".\"Role\"");
    assertThat(script)
        .doesNotContain("CREATE SEQUENCE")
        .doesNotContain("CREATE SCHEMA")
        .endsWith(";\n");
    List<String> order =
        List.of(
            "-- CreateEnum",
            "-- CreateTable\nCREATE TABLE \"public\".\"Post\"",
            "-- CreateTable\nCREATE TABLE \"public\".\"User\"",
            "-- AddConstraint",
            "-- CreateIndex",
            "-- AddForeignKey",
            "-- CreateView");
    for (int i = 1; i < order.size(); i++) {
      assertThat(script.indexOf(order.get(i)))
          .as(order.get(i))
          .isGreaterThan(script.indexOf(order.get(i - 1)));
    }
  }
}
