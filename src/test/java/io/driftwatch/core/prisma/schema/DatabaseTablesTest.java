package io.driftwatch.core.prisma.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The coverage view: tables, columns, keys and enums by the names PostgreSQL holds. */
class DatabaseTablesTest {

  private static final String BLOG =
      """
      datasource db {
        provider = "postgresql"
        url      = env("DATABASE_URL")
      }

      model User {
        id       String  @id @default(uuid()) @db.Uuid
        email    String  @unique
        handle   String  @unique(map: "users_handle_uq") @map("user_handle")
        role     Role    @default(READER)
        posts    Post[]
        tags     Tag[]
        @@map("users")
      }

      model Post {
        id        Int      @id @default(autoincrement())
        authorId  String   @map("author_id") @db.Uuid
        author    User     @relation(fields: [authorId], references: [id])
        editorId  String?  @db.Uuid
        editor    Editor?  @relation(fields: [editorId], references: [userId], map: "post_editor")
        title     String
        createdAt DateTime @default(now()) @map("created_at")
        scores    Int[]
        notes     String?  @ignore
        @@index([authorId, createdAt])
        @@unique([title, authorId], map: "post_title_per_author")
      }

      model Editor {
        userId String @map("user_id") @db.Uuid
        posts  Post[]
        @@id([userId], map: "editors_pk")
      }

      model Tag {
        id    Int    @id
        users User[]
        @@ignore
      }

      view PostCount {
        authorId String @unique @map("author_id")
        count    Int
        @@map("post_counts")
      }

      enum Role {
        READER
        WRITER @map("writer")
        @@map("user_role")
      }
      """;

  @Test
  void one_table_per_model_then_join_tables_views_apart() throws Exception {
    List<ExpectedTable> tables = PrismaSchema.parse(BLOG).databaseTables();
    assertThat(tables)
        .extracting(
            ExpectedTable::name,
            ExpectedTable::origin,
            ExpectedTable::prismaName,
            ExpectedTable::ignored)
        .containsExactly(
            tuple("users", ExpectedTable.Origin.MODEL, "User", false),
            tuple("Post", ExpectedTable.Origin.MODEL, "Post", false),
            tuple("Editor", ExpectedTable.Origin.MODEL, "Editor", false),
            tuple("Tag", ExpectedTable.Origin.MODEL, "Tag", true),
            tuple("_TagToUser", ExpectedTable.Origin.IMPLICIT_MANY_TO_MANY, "TagToUser", true));
    assertThat(PrismaSchema.parse(BLOG).databaseViews())
        .singleElement()
        .satisfies(
            v -> {
              assertThat(v.name()).isEqualTo("post_counts");
              assertThat(v.origin()).isEqualTo(ExpectedTable.Origin.VIEW);
              assertThat(v.columns())
                  .extracting(ExpectedColumn::name)
                  .containsExactly("author_id", "count");
            });
  }

  @Test
  void columns_carry_field_type_nullability_and_ignore() throws Exception {
    ExpectedTable post = PrismaSchema.parse(BLOG).databaseTables().get(1);
    assertThat(post.columns())
        .extracting(
            ExpectedColumn::name,
            ExpectedColumn::prismaType,
            ExpectedColumn::nullable,
            ExpectedColumn::list,
            ExpectedColumn::ignored)
        .containsExactly(
            tuple("id", "Int", false, false, false),
            tuple("author_id", "String", false, false, false),
            tuple("editorId", "String", true, false, false),
            tuple("title", "String", false, false, false),
            tuple("created_at", "DateTime", false, false, false),
            tuple("scores", "Int", false, true, false),
            tuple("notes", "String", true, false, true));
    ExpectedColumn role =
        PrismaSchema.parse(BLOG).databaseTables().get(0).column("role").orElseThrow();
    assertThat(role.kind()).isEqualTo(FieldKind.ENUM);
    assertThat(role.prismaField()).contains("role");
  }

  @Test
  void keys_and_indexes_use_map_else_prismas_default_names_built_from_database_names()
      throws Exception {
    List<ExpectedTable> tables = PrismaSchema.parse(BLOG).databaseTables();
    ExpectedTable users = tables.get(0);
    assertThat(users.primaryKey())
        .contains(new ExpectedIndex(PrismaIndex.Type.PRIMARY_KEY, "users_pkey", List.of("id")));
    assertThat(users.indexes())
        .containsExactly(
            new ExpectedIndex(PrismaIndex.Type.UNIQUE, "users_email_key", List.of("email")),
            new ExpectedIndex(PrismaIndex.Type.UNIQUE, "users_handle_uq", List.of("user_handle")));
    ExpectedTable post = tables.get(1);
    assertThat(post.indexes())
        .containsExactly(
            new ExpectedIndex(
                PrismaIndex.Type.INDEX,
                "Post_author_id_created_at_idx",
                List.of("author_id", "created_at")),
            new ExpectedIndex(
                PrismaIndex.Type.UNIQUE, "post_title_per_author", List.of("title", "author_id")));
    assertThat(tables.get(2).primaryKey())
        .contains(
            new ExpectedIndex(PrismaIndex.Type.PRIMARY_KEY, "editors_pk", List.of("user_id")));
  }

  @Test
  void foreign_keys_from_the_forward_side_of_relations() throws Exception {
    ExpectedTable post = PrismaSchema.parse(BLOG).databaseTables().get(1);
    assertThat(post.foreignKeys())
        .containsExactly(
            new ExpectedForeignKey(
                "Post_author_id_fkey",
                List.of("author_id"),
                Optional.empty(),
                "users",
                List.of("id")),
            new ExpectedForeignKey(
                "post_editor",
                List.of("editorId"),
                Optional.empty(),
                "Editor",
                List.of("user_id")));
  }

  @Test
  void join_table_columns_reference_the_ids_of_both_models() throws Exception {
    ExpectedTable join = PrismaSchema.parse(BLOG).databaseTables().get(4);
    assertThat(join.columns())
        .extracting(ExpectedColumn::name, ExpectedColumn::prismaType, ExpectedColumn::prismaField)
        .containsExactly(
            tuple("A", "Int", Optional.empty()), tuple("B", "String", Optional.empty()));
    assertThat(join.primaryKey())
        .contains(
            new ExpectedIndex(
                PrismaIndex.Type.PRIMARY_KEY, "_TagToUser_AB_pkey", List.of("A", "B")));
    assertThat(join.indexes())
        .containsExactly(
            new ExpectedIndex(PrismaIndex.Type.INDEX, "_TagToUser_B_index", List.of("B")));
    assertThat(join.foreignKeys())
        .containsExactly(
            new ExpectedForeignKey(
                "_TagToUser_A_fkey", List.of("A"), Optional.empty(), "Tag", List.of("id")),
            new ExpectedForeignKey(
                "_TagToUser_B_fkey", List.of("B"), Optional.empty(), "users", List.of("id")));
  }

  @Test
  void enums_with_database_names_and_labels() throws Exception {
    assertThat(PrismaSchema.parse(BLOG).databaseEnums())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.name()).isEqualTo("user_role");
              assertThat(e.prismaName()).isEqualTo("Role");
              assertThat(e.values()).containsExactly("READER", "writer");
              assertThat(e.schema()).isEmpty();
            });
  }

  @Test
  void relation_mode_prisma_creates_no_foreign_keys() throws Exception {
    PrismaSchema schema =
        PrismaSchema.parse(
            BLOG.replace(
                "url      = env(\"DATABASE_URL\")",
                "url      = env(\"DATABASE_URL\")\n  relationMode = \"prisma\""));
    assertThat(schema.databaseTables()).allSatisfy(t -> assertThat(t.foreignKeys()).isEmpty());
  }

  @Test
  void multi_schema_tables_foreign_keys_and_enums_name_their_schema() throws Exception {
    PrismaSchema schema =
        PrismaSchema.parse(
            """
        datasource db {
          provider = "postgresql"
          url      = env("DATABASE_URL")
          schemas  = ["auth", "public"]
        }
        model Account {
          id     Int    @id
          status Status
          posts  Post[]
          @@schema("auth")
        }
        model Post {
          id        Int     @id
          accountId Int
          account   Account @relation(fields: [accountId], references: [id])
          @@schema("public")
        }
        enum Status {
          ACTIVE
          @@schema("auth")
        }
        """);
    List<ExpectedTable> tables = schema.databaseTables();
    assertThat(tables)
        .extracting(ExpectedTable::displayName)
        .containsExactly("auth.Account", "public.Post");
    assertThat(tables.get(1).foreignKeys().get(0).referencedSchema()).contains("auth");
    assertThat(schema.databaseEnums().get(0).schema()).contains("auth");
  }

  @Test
  void identifiers_are_cut_to_63_bytes_between_characters_as_postgresql_does() throws Exception {
    String longTable = "t".repeat(62) + "\u00e9\u00e9"; // 66 bytes: cut before the first é
    PrismaSchema schema =
        PrismaSchema.parse(
            """
        model A {
          id   Int    @id
          name String @unique @map("%s")
          @@map("%s")
        }
        """
                .formatted("c".repeat(70), longTable));
    ExpectedTable table = schema.databaseTables().get(0);
    assertThat(table.name()).isEqualTo("t".repeat(62));
    assertThat(table.columns().get(1).name()).isEqualTo("c".repeat(63));
    assertThat(table.primaryKey().orElseThrow().name()).isEqualTo("t".repeat(58) + "_pkey");
    assertThat(table.indexes().get(0).name()).isEqualTo("t".repeat(59) + "_key");
    assertThat(PostgresNames.truncate("\u00e9".repeat(40))).isEqualTo("\u00e9".repeat(31));
  }
}
