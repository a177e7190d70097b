package io.driftwatch.database.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.CatalogDdl;
import io.driftwatch.core.catalog.CatalogFilter;
import io.driftwatch.core.catalog.CheckConstraint;
import io.driftwatch.core.catalog.Column;
import io.driftwatch.core.catalog.ColumnRef;
import io.driftwatch.core.catalog.EnumType;
import io.driftwatch.core.catalog.Extension;
import io.driftwatch.core.catalog.ForeignKey;
import io.driftwatch.core.catalog.Identity;
import io.driftwatch.core.catalog.Index;
import io.driftwatch.core.catalog.IndexKey;
import io.driftwatch.core.catalog.Partition;
import io.driftwatch.core.catalog.PrimaryKey;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.ReferentialAction;
import io.driftwatch.core.catalog.Sequence;
import io.driftwatch.core.catalog.Table;
import io.driftwatch.core.catalog.UniqueConstraint;
import io.driftwatch.core.catalog.View;
import io.driftwatch.testing.CatalogReading;
import io.driftwatch.testing.PrismaSchemaMigrations;
import io.driftwatch.testing.TargetDatabase;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The catalog of databases migrated the way Prisma migrates them, read with the reader the audit
 * uses.
 */
class PostgresCatalogReaderTest {

  static final QualifiedName USER = name("public", "User");
  static final QualifiedName POST = name("public", "Post");
  static final QualifiedName EVENT = name("audit", "Event");
  static final QualifiedName ROLE = name("public", "Role");
  static final QualifiedName POST_STATUS = name("public", "PostStatus");
  static final QualifiedName ACTION = name("audit", "Action");
  static final String TIMESTAMP_3 = "timestamp(3) without time zone";

  static TargetDatabase migrated;
  static Catalog catalog;

  @BeforeAll
  static void migrate() {
    migrated = PrismaSchemaMigrations.deployed();
    catalog = read(migrated, "public", "audit");
  }

  @AfterAll
  static void drop() {
    migrated.close();
  }

  static Catalog read(TargetDatabase database, String... schemas) {
    try (CatalogReading reading = CatalogReading.of(database.name())) {
      return reading.read(schemas);
    }
  }

  static QualifiedName name(String schema, String name) {
    return QualifiedName.of(schema, name);
  }

  static Index index(
      String name,
      boolean unique,
      boolean primary,
      boolean constraintBacked,
      String method,
      List<IndexKey> keys,
      String definition) {
    return new Index(
        name,
        unique,
        primary,
        constraintBacked,
        method,
        keys,
        List.of(),
        Optional.empty(),
        definition,
        true,
        false);
  }

  static Index primaryKeyIndex(QualifiedName table, String... columns) {
    String name = table.name() + "_pkey";
    return index(
        name,
        true,
        true,
        true,
        "btree",
        Arrays.stream(columns).map(IndexKey::column).toList(),
        "CREATE UNIQUE INDEX \""
            + name
            + "\" ON "
            + table.schema()
            + ".\""
            + table.name()
            + "\" USING btree ("
            + String.join(", ", columns)
            + ")");
  }

  @Test
  void reads_the_user_table_as_prisma_created_it() {
    Table expected =
        new Table(
            USER,
            List.of(
                Column.of("id", "integer", false)
                    .withDefault("nextval('public.\"User_id_seq\"'::regclass)"),
                Column.of("email", "citext", false).withUserType(name("public", "citext")),
                Column.of("name", "character varying(255)", true),
                Column.of("role", "\"Role\"", false)
                    .withUserType(ROLE)
                    .withDefault("'USER'::public.\"Role\""),
                Column.of("createdAt", TIMESTAMP_3, false).withDefault("CURRENT_TIMESTAMP"),
                Column.of("updatedAt", TIMESTAMP_3, false),
                Column.of("handle", "text", true).withCollation("\"C\"")),
            Optional.of(new PrimaryKey("User_pkey", List.of("id"), "PRIMARY KEY (id)", false)),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            List.of(
                index(
                    "User_email_key",
                    true,
                    false,
                    false,
                    "btree",
                    List.of(IndexKey.column("email")),
                    "CREATE UNIQUE INDEX \"User_email_key\" ON public.\"User\" USING btree (email)"),
                new Index(
                    "User_name_lower_idx",
                    false,
                    false,
                    false,
                    "btree",
                    List.of(
                        new IndexKey("lower((name)::text)", true, true, false, Optional.empty())),
                    List.of("email"),
                    Optional.empty(),
                    "CREATE INDEX \"User_name_lower_idx\" ON public.\"User\" USING btree"
                        + " (lower((name)::text) DESC NULLS LAST) INCLUDE (email)",
                    true,
                    false),
                primaryKeyIndex(USER, "id")),
            Optional.empty(),
            Optional.empty());

    assertThat(catalog.table(USER)).contains(expected);
  }

  @Test
  void reads_keys_checks_generated_columns_and_every_kind_of_index() {
    Table expected =
        new Table(
            POST,
            List.of(
                Column.of("id", "text", false),
                Column.of("slug", "text", false),
                Column.of("title", "text", false),
                Column.of("content", "text", true),
                Column.of("status", "\"PostStatus\"", false)
                    .withUserType(POST_STATUS)
                    .withDefault("'DRAFT'::public.\"PostStatus\""),
                Column.of("tags", "text[]", true),
                Column.of("price", "numeric(65,30)", true),
                Column.of("authorId", "integer", false),
                Column.of("publishedAt", TIMESTAMP_3, true),
                Column.of("titleLower", "text", true).withGenerated("lower(title)")),
            Optional.of(new PrimaryKey("Post_pkey", List.of("id"), "PRIMARY KEY (id)", false)),
            List.of(
                new UniqueConstraint(
                    "Post_title_slug_key",
                    List.of("title", "slug"),
                    "UNIQUE (title, slug)",
                    false)),
            List.of(
                new ForeignKey(
                    "Post_authorId_fkey",
                    List.of("authorId"),
                    USER,
                    List.of("id"),
                    ReferentialAction.RESTRICT,
                    ReferentialAction.CASCADE,
                    "FOREIGN KEY (\"authorId\") REFERENCES public.\"User\"(id) ON UPDATE CASCADE ON DELETE RESTRICT",
                    false)),
            List.of(
                new CheckConstraint(
                    "Post_price_check",
                    List.of("price"),
                    "CHECK ((price >= (0)::numeric))",
                    false)),
            List.of(),
            List.of(
                index(
                    "Post_authorId_publishedAt_idx",
                    false,
                    false,
                    false,
                    "btree",
                    List.of(
                        IndexKey.column("authorId"),
                        new IndexKey("publishedAt", false, true, true, Optional.empty())),
                    "CREATE INDEX \"Post_authorId_publishedAt_idx\" ON public.\"Post\" USING btree"
                        + " (\"authorId\", \"publishedAt\" DESC)"),
                primaryKeyIndex(POST, "id"),
                new Index(
                    "Post_published_idx",
                    false,
                    false,
                    false,
                    "btree",
                    List.of(IndexKey.column("publishedAt")),
                    List.of(),
                    Optional.of("(status = 'PUBLISHED'::public.\"PostStatus\")"),
                    "CREATE INDEX \"Post_published_idx\" ON public.\"Post\" USING btree (\"publishedAt\")"
                        + " WHERE (status = 'PUBLISHED'::public.\"PostStatus\")",
                    true,
                    false),
                index(
                    "Post_slug_key",
                    true,
                    false,
                    false,
                    "btree",
                    List.of(IndexKey.column("slug")),
                    "CREATE UNIQUE INDEX \"Post_slug_key\" ON public.\"Post\" USING btree (slug)"),
                index(
                    "Post_title_slug_key",
                    true,
                    false,
                    true,
                    "btree",
                    List.of(IndexKey.column("title"), IndexKey.column("slug")),
                    "CREATE UNIQUE INDEX \"Post_title_slug_key\" ON public.\"Post\" USING btree (title, slug)"),
                index(
                    "Post_title_trgm_idx",
                    false,
                    false,
                    false,
                    "gin",
                    List.of(
                        new IndexKey(
                            "title", false, false, false, Optional.of("public.gin_trgm_ops"))),
                    "CREATE INDEX \"Post_title_trgm_idx\" ON public.\"Post\" USING gin (title public.gin_trgm_ops)")),
            Optional.empty(),
            Optional.empty());

    assertThat(catalog.table(POST)).contains(expected);
  }

  @Test
  void reads_the_second_schema_with_identity_enum_arrays_and_a_cross_schema_key() {
    Table expected =
        new Table(
            EVENT,
            List.of(
                Column.of("id", "bigint", false).withIdentity(Identity.ALWAYS),
                Column.of("action", "\"Action\"", false).withUserType(ACTION),
                Column.of("actions", "\"Action\"[]", true).withUserType(ACTION),
                Column.of("actorRole", "public.\"Role\"", true).withUserType(ROLE),
                Column.of("userId", "integer", true),
                Column.of("payload", "jsonb", false).withDefault("'{}'::jsonb"),
                Column.of("at", "timestamp(6) with time zone", false)
                    .withDefault("CURRENT_TIMESTAMP")),
            Optional.of(new PrimaryKey("Event_pkey", List.of("id"), "PRIMARY KEY (id)", false)),
            List.of(),
            List.of(
                new ForeignKey(
                    "Event_userId_fkey",
                    List.of("userId"),
                    USER,
                    List.of("id"),
                    ReferentialAction.SET_NULL,
                    ReferentialAction.CASCADE,
                    "FOREIGN KEY (\"userId\") REFERENCES public.\"User\"(id) ON UPDATE CASCADE ON DELETE SET NULL",
                    false)),
            List.of(),
            List.of(),
            List.of(primaryKeyIndex(EVENT, "id")),
            Optional.empty(),
            Optional.empty());

    assertThat(catalog.table(EVENT)).contains(expected);
  }

  @Test
  void reads_partitioned_tables_and_their_partitions() {
    QualifiedName parentName = name("public", "Measurement");
    QualifiedName childName = name("public", "Measurement_2025");
    Table parent = catalog.table(parentName).orElseThrow();
    Table child = catalog.table(childName).orElseThrow();

    assertThat(parent.partitionKey()).contains("RANGE (\"takenAt\")");
    assertThat(parent.partitionOf()).isEmpty();
    assertThat(parent.indexes())
        .extracting(Index::name, Index::inherited)
        .containsExactly(tuple("Measurement_pkey", false), tuple("Measurement_value_idx", false));
    assertThat(child.partitionOf())
        .contains(
            new Partition(
                parentName, "FOR VALUES FROM ('2025-01-01 00:00:00') TO ('2026-01-01 00:00:00')"));
    assertThat(child.columns()).isEqualTo(parent.columns());
    assertThat(child.primaryKey())
        .contains(
            new PrimaryKey(
                "Measurement_2025_pkey",
                List.of("id", "takenAt"),
                "PRIMARY KEY (id, \"takenAt\")",
                true));
    assertThat(child.indexes())
        .extracting(Index::name, Index::inherited)
        .containsExactly(
            tuple("Measurement_2025_pkey", true), tuple("Measurement_2025_value_idx", true));
  }

  @Test
  void reads_enums_views_sequences_extensions_and_schemas() {
    assertThat(catalog.schemas()).containsExactly("audit", "public");
    assertThat(catalog.serverMajorVersion()).isGreaterThanOrEqualTo(12);
    assertThat(catalog.tables())
        .extracting(Table::name)
        .containsExactly(
            EVENT, name("public", "Measurement"), name("public", "Measurement_2025"), POST, USER);
    assertThat(catalog.enums())
        .containsExactly(
            new EnumType(ACTION, List.of("CREATE", "UPDATE", "DELETE")),
            new EnumType(POST_STATUS, List.of("DRAFT", "PUBLISHED", "ARCHIVED")),
            new EnumType(ROLE, List.of("USER", "EDITOR", "ADMIN")));
    assertThat(catalog.sequences())
        .as("the identity column's sequence is the column's")
        .containsExactly(
            new Sequence(
                name("public", "User_id_seq"),
                "integer",
                1,
                1,
                Optional.of(new ColumnRef(USER, "id"))),
            new Sequence(
                name("public", "invoice_number_seq"), "bigint", 1000, 10, Optional.empty()));
    assertThat(catalog.extensions())
        .extracting(Extension::name, Extension::schema)
        .containsExactly(tuple("citext", "public"), tuple("pg_trgm", "public"));

    View published = catalog.view(name("public", "PublishedPost")).orElseThrow();
    assertThat(published.materialized()).isFalse();
    assertThat(published.dependsOn()).containsExactly(POST, USER);
    assertThat(published.definition())
        .startsWith("SELECT p.id,")
        .doesNotEndWith(";")
        .contains("public.\"Post\" p")
        .contains("'PUBLISHED'::public.\"PostStatus\"");
    View counts = catalog.view(name("audit", "ActionCount")).orElseThrow();
    assertThat(counts.materialized()).isTrue();
    assertThat(counts.dependsOn()).containsExactly(EVENT);
  }

  @Test
  void two_databases_built_from_the_same_migrations_have_equal_catalogs() {
    try (TargetDatabase twin = PrismaSchemaMigrations.deployed()) {
      assertThat(read(twin, "public", "audit")).isEqualTo(catalog);
    }
  }

  @Test
  void reads_only_the_schemas_asked_for_and_every_user_schema_when_none_is() {
    Catalog publicOnly = read(migrated, "public", "missing");

    assertThat(publicOnly.schemas()).containsExactly("public");
    assertThat(publicOnly.tables())
        .extracting(table -> table.name().schema())
        .containsOnly("public");
    assertThat(publicOnly.enums()).extracting(type -> type.name().schema()).containsOnly("public");
    assertThat(read(migrated)).isEqualTo(catalog);
    assertThat(read(migrated, "pg_catalog", "information_schema").tables())
        .as("never system schemas")
        .isEmpty();
  }

  @Test
  void prisma_history_and_objects_belonging_to_an_extension_are_left_out() {
    try (TargetDatabase target = PrismaSchemaMigrations.deployed()) {
      // What an extension script creates belongs to the extension (pg_depend 'e'), as these are
      // made to.
      target.sql(
          """
          CREATE TABLE ext_config (key text PRIMARY KEY);
          CREATE VIEW ext_view AS SELECT key FROM ext_config;
          CREATE SEQUENCE ext_seq;
          CREATE TYPE ext_enum AS ENUM ('a');
          ALTER EXTENSION citext ADD TABLE ext_config;
          ALTER EXTENSION citext ADD VIEW ext_view;
          ALTER EXTENSION citext ADD SEQUENCE ext_seq;
          ALTER EXTENSION citext ADD TYPE ext_enum;
          """);

      Catalog read = read(target, "public", "audit");

      assertThat(read).isEqualTo(catalog);
      assertThat(read.tables())
          .extracting(table -> table.name().name())
          .doesNotContain("_prisma_migrations");
    }
  }

  @Test
  void ignore_globs_leave_out_what_an_environment_ignores() {
    try (TargetDatabase target = PrismaSchemaMigrations.deployed()) {
      target.sql(
          """
          CREATE TABLE "audit_2024" ("id" SERIAL PRIMARY KEY);
          CREATE TABLE "audit"."tmp_backfill" ("id" INTEGER);
          CREATE INDEX "tmp_user_name" ON "User"("name");
          CREATE VIEW "tmp_report" AS SELECT 1 AS "one";
          """);

      Catalog read = read(target, "public", "audit");
      Catalog filtered = CatalogFilter.of(List.of("public.audit_*", "*.tmp_*")).apply(read);

      assertThat(read).isNotEqualTo(catalog);
      assertThat(filtered).isEqualTo(catalog);
    }
  }

  @Test
  void the_script_rendered_from_a_catalog_rebuilds_an_equal_catalog() {
    String script = new CatalogDdl(catalog).script();

    try (TargetDatabase empty = TargetDatabase.create()) {
      empty.sql(script);
      assertThat(read(empty, "public", "audit")).isEqualTo(catalog);
    }
  }

  @Test
  void a_partition_with_its_own_key_and_a_sub_partitioned_partition_round_trip() {
    try (TargetDatabase source = TargetDatabase.create();
        TargetDatabase empty = TargetDatabase.create()) {
      source.sql(
          """
          CREATE TABLE "Reading" ("site" TEXT NOT NULL, "at" DATE NOT NULL, "value" INTEGER) PARTITION BY LIST ("site");
          CREATE TABLE "Reading_north" PARTITION OF "Reading" (CONSTRAINT "Reading_north_pkey" PRIMARY KEY ("at"))
            FOR VALUES IN ('north');
          CREATE TABLE "Reading_south" PARTITION OF "Reading" FOR VALUES IN ('south') PARTITION BY RANGE ("at");
          CREATE TABLE "Reading_south_2025" PARTITION OF "Reading_south"
            FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
          CREATE INDEX "Reading_value_idx" ON "Reading"("value");
          """);
      Catalog read = read(source, "public");

      empty.sql(new CatalogDdl(read).script());

      assertThat(read.table(name("public", "Reading_north")).orElseThrow().primaryKey())
          .get()
          .extracting(PrimaryKey::inherited)
          .isEqualTo(false);
      assertThat(read(empty, "public")).isEqualTo(read);
    }
  }

  @Test
  void
      each_statement_rendered_from_the_live_catalog_turns_the_migrated_database_into_the_live_one() {
    try (TargetDatabase live = PrismaSchemaMigrations.deployed();
        TargetDatabase replayed = PrismaSchemaMigrations.deployed()) {
      // Drift: changes made by hand on the live database, behind Prisma's back.
      live.sql(
          """
          ALTER TYPE "Role" ADD VALUE 'GUEST' BEFORE 'USER';
          DROP INDEX "Post_published_idx";
          DROP VIEW "PublishedPost";
          ALTER TYPE "PostStatus" RENAME TO "PostStatus_old";
          CREATE TYPE "PostStatus" AS ENUM ('DRAFT', 'PUBLISHED');
          ALTER TABLE "Post" ALTER COLUMN "status" DROP DEFAULT;
          ALTER TABLE "Post" ALTER COLUMN "status" TYPE "PostStatus" USING ("status"::text::"PostStatus");
          ALTER TABLE "Post" ALTER COLUMN "status" SET DEFAULT 'DRAFT';
          DROP TYPE "PostStatus_old";
          CREATE INDEX "Post_published_idx" ON "Post"("publishedAt") WHERE "status" = 'PUBLISHED';
          CREATE VIEW "PublishedPost" AS
          SELECT p."id", p."title", u."email" AS "authorEmail"
          FROM "Post" p JOIN "User" u ON u."id" = p."authorId"
          WHERE p."status" = 'PUBLISHED';
          ALTER TABLE "User" ADD COLUMN "nickname" VARCHAR(40) NOT NULL DEFAULT '';
          ALTER TABLE "User" ALTER COLUMN "name" TYPE TEXT, ALTER COLUMN "name" SET NOT NULL;
          CREATE INDEX "User_createdAt_idx" ON "User"("createdAt");
          DROP INDEX "Post_authorId_publishedAt_idx";
          ALTER TABLE "Post" DROP CONSTRAINT "Post_authorId_fkey";
          ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id")
            ON DELETE CASCADE ON UPDATE CASCADE;
          CREATE TABLE "audit"."Note" (
            "id" SERIAL NOT NULL, "text" TEXT NOT NULL, CONSTRAINT "Note_pkey" PRIMARY KEY ("id"));
          CREATE VIEW "Editors" AS SELECT "id", "email" FROM "User" WHERE "role" = 'EDITOR';
          """);
      Catalog liveCatalog = read(live, "public", "audit");
      Catalog expected = read(replayed, "public", "audit");
      CatalogDdl ddl = new CatalogDdl(liveCatalog);
      Table liveUser = liveCatalog.table(USER).orElseThrow();
      Table expectedUser = expected.table(USER).orElseThrow();
      Table livePost = liveCatalog.table(POST).orElseThrow();
      Table expectedPost = expected.table(POST).orElseThrow();

      List<String> statements = new ArrayList<>();
      View publishedPosts = liveCatalog.view(name("public", "PublishedPost")).orElseThrow();
      statements.add(ddl.addEnumValue(liveCatalog.enumType(ROLE).orElseThrow(), "GUEST"));
      statements.add(ddl.dropView(publishedPosts));
      statements.addAll(ddl.recreateEnum(liveCatalog.enumType(POST_STATUS).orElseThrow()));
      statements.add(ddl.createView(publishedPosts));
      statements.add(ddl.addColumn(liveUser, liveUser.column("nickname").orElseThrow()));
      statements.addAll(
          ddl.alterColumn(
              liveUser,
              expectedUser.column("name").orElseThrow(),
              liveUser.column("name").orElseThrow()));
      statements.add(ddl.createIndex(liveUser, liveUser.index("User_createdAt_idx").orElseThrow()));
      statements.add(
          ddl.dropIndex(
              expectedPost, expectedPost.index("Post_authorId_publishedAt_idx").orElseThrow()));
      statements.add(
          ddl.dropConstraint(
              expectedPost, expectedPost.constraint("Post_authorId_fkey").orElseThrow()));
      statements.add(
          ddl.addConstraint(livePost, livePost.constraint("Post_authorId_fkey").orElseThrow()));
      statements.addAll(ddl.reproduceTable(liveCatalog.table(name("audit", "Note")).orElseThrow()));
      statements.add(ddl.createView(liveCatalog.view(name("public", "Editors")).orElseThrow()));
      // PostgreSQL refuses a new enum value in the transaction that added it: one statement at a
      // time.
      statements.forEach(replayed::sql);

      assertThat(read(replayed, "public", "audit")).isEqualTo(liveCatalog);
    }
  }

  @Test
  void reads_outside_a_transaction_and_gives_the_caller_its_search_path_back() {
    PostgresCatalogReader reader = new PostgresCatalogReader();
    try (CatalogReading reading = CatalogReading.of(migrated.name())) {
      String afterAutocommit =
          reading.onConnection(
              connection ->
                  connection
                      .query("SET search_path TO audit, public")
                      .execute()
                      .flatMap(set -> reader.read(connection, Set.of("public", "audit")))
                      .invoke(read -> assertThat(read).isEqualTo(catalog))
                      .flatMap(read -> connection.query("SHOW search_path").execute())
                      .map(rows -> rows.iterator().next().getString(0)));
      String inTransaction =
          reading.inTransaction(
              connection ->
                  connection
                      .query("SELECT set_config('search_path', 'audit', true)")
                      .execute()
                      .flatMap(set -> reader.read(connection, Set.of("public", "audit")))
                      .invoke(read -> assertThat(read).isEqualTo(catalog))
                      .flatMap(
                          read ->
                              connection
                                  .query("SELECT current_setting('search_path') AS path")
                                  .execute())
                      .map(rows -> rows.iterator().next().getString("path")));

      assertThat(afterAutocommit).isEqualTo("audit, public");
      assertThat(inTransaction).isEqualTo("audit");
    }
  }

  @Test
  void the_batch_sends_nothing_but_selects_and_no_caller_value() {
    String batch = PostgresCatalogReader.BATCH;

    assertThat(
            Arrays.stream(batch.split(";\n"))
                .map(String::strip)
                .filter(statement -> !statement.isEmpty()))
        .allSatisfy(statement -> assertThat(statement).matches("(?s)(SELECT|WITH) .*"));
    assertThat(batch)
        .as("a string literal that a backslash could end, were standard_conforming_strings off")
        .doesNotContain("\\")
        .doesNotContain("E'");
  }

  @Test
  void vectors_and_arrays_are_read_as_postgres_writes_them() {
    assertThat(PostgresCatalogReader.numbers("1 0 3")).containsExactly(1, 0, 3);
    assertThat(PostgresCatalogReader.numbers("{2,1}")).containsExactly(2, 1);
    assertThat(PostgresCatalogReader.numbers("4294967295")).containsExactly(4294967295L);
    assertThat(PostgresCatalogReader.numbers("")).isEmpty();
    assertThat(PostgresCatalogReader.numbers(null)).isEmpty();
  }

  @Test
  void odd_schema_names_are_read_as_they_are() {
    try (TargetDatabase target = TargetDatabase.create()) {
      target.sql(
          "CREATE SCHEMA \"it's \\\\ odd\"; CREATE TABLE \"it's \\\\ odd\".\"T\" (\"id\" INTEGER);");

      Catalog read = read(target, "it's \\\\ odd");

      assertThat(read.tables()).extracting(Table::name).containsExactly(name("it's \\\\ odd", "T"));
    }
  }

  @Test
  void a_catalog_survives_json_for_the_store() throws Exception {
    ObjectMapper json = new ObjectMapper().registerModule(new Jdk8Module());

    Catalog back = json.readValue(json.writeValueAsString(catalog), Catalog.class);

    assertThat(back).isEqualTo(catalog);
  }
}
