package io.driftwatch.core.prisma.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Join tables Prisma creates for implicit many-to-many relations. */
class ImplicitManyToManyTest {

  @Test
  void unnamed_relation_is_named_after_both_models_in_byte_order() throws Exception {
    PrismaSchema schema =
        PrismaSchema.parse(
            """
        model Post {
          id         Int        @id
          categories Category[]
        }
        model Category {
          id    String @id
          posts Post[]
        }
        """);
    ImplicitJoinTable table = schema.joinTables().get(0);
    assertThat(schema.joinTables()).hasSize(1);
    assertThat(table.relationName()).isEqualTo("CategoryToPost");
    assertThat(table.tableName()).isEqualTo("_CategoryToPost");
    assertThat(table.modelA()).isEqualTo("Category");
    assertThat(table.fieldA()).isEqualTo("posts");
    assertThat(table.modelB()).isEqualTo("Post");
    assertThat(table.fieldB()).isEqualTo("categories");
    assertThat(table.schema()).isEmpty();
    assertThat(table.ignored()).isFalse();
    assertThat(table.primaryKeyName()).isEqualTo("_CategoryToPost_AB_pkey");
    assertThat(table.legacyUniqueIndexName()).isEqualTo("_CategoryToPost_AB_unique");
    assertThat(table.bIndexName()).isEqualTo("_CategoryToPost_B_index");
    assertThat(table.foreignKeyAName()).isEqualTo("_CategoryToPost_A_fkey");
    assertThat(table.foreignKeyBName()).isEqualTo("_CategoryToPost_B_fkey");
  }

  @Test
  void model_names_not_table_names_decide_and_upper_case_sorts_first() throws Exception {
    PrismaSchema schema =
        PrismaSchema.parse(
            """
        model tag {
          id      Int    @id
          bananas Banana[]
          @@map("a_tags")
        }
        model Banana {
          id   Int   @id
          tags tag[]
          @@map("z_bananas")
        }
        """);
    assertThat(schema.joinTables())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.tableName()).isEqualTo("_BananaTotag");
              assertThat(t.modelA()).isEqualTo("Banana");
            });
  }

  @Test
  void named_relation_uses_its_name() throws Exception {
    PrismaSchema schema =
        PrismaSchema.parse(
            """
        model Post {
          id   Int   @id
          tags Tag[] @relation("PostTags")
        }
        model Tag {
          id    Int    @id
          posts Post[] @relation("PostTags")
        }
        """);
    assertThat(schema.joinTables())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.tableName()).isEqualTo("_PostTags");
              assertThat(t.modelA()).isEqualTo("Post");
              assertThat(t.bIndexName()).isEqualTo("_PostTags_B_index");
            });
  }

  @Test
  void self_relation_orders_by_field_name() throws Exception {
    PrismaSchema schema =
        PrismaSchema.parse(
            """
        model User {
          id        Int    @id
          following User[] @relation("UserFollows")
          followers User[] @relation("UserFollows")
        }
        """);
    assertThat(schema.joinTables())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.tableName()).isEqualTo("_UserFollows");
              assertThat(t.isSelfRelation()).isTrue();
              assertThat(t.fieldA()).isEqualTo("followers");
              assertThat(t.fieldB()).isEqualTo("following");
            });
  }

  @Test
  void two_unnamed_relations_between_two_models_are_ambiguous() {
    PrismaSchemaException e =
        catchThrowableOfType(
            () ->
                PrismaSchema.parse(
                    """
        model Post {
          id       Int   @id
          tags     Tag[]
          featured Tag[]
        }
        model Tag {
          id         Int    @id
          posts      Post[]
          featuredIn Post[]
        }
        """),
            PrismaSchemaException.class);
    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo(SchemaProblem.Code.INVALID_RELATION);
              assertThat(p.message()).contains("_PostToTag").contains("@relation(\"Name\")");
            });
  }

  @Test
  void two_named_relations_between_two_models_make_two_tables() throws Exception {
    PrismaSchema schema =
        PrismaSchema.parse(
            """
        model Post {
          id       Int   @id
          tags     Tag[] @relation("Tags")
          featured Tag[] @relation("Featured")
        }
        model Tag {
          id         Int    @id
          posts      Post[] @relation("Tags")
          featuredIn Post[] @relation("Featured")
        }
        """);
    assertThat(schema.joinTables())
        .extracting(ImplicitJoinTable::tableName)
        .containsExactly("_Tags", "_Featured");
  }

  @Test
  void one_to_many_and_explicit_relation_tables_are_not_implicit() throws Exception {
    PrismaSchema schema =
        PrismaSchema.parse(
            """
        model User {
          id    Int    @id
          posts Post[]
          teams Membership[]
        }
        model Post {
          id       Int  @id
          authorId Int
          author   User @relation(fields: [authorId], references: [id])
        }
        model Team {
          id      Int          @id
          members Membership[]
        }
        model Membership {
          userId Int
          teamId Int
          user   User @relation(fields: [userId], references: [id])
          team   Team @relation(fields: [teamId], references: [id])
          @@id([userId, teamId])
        }
        """);
    assertThat(schema.joinTables()).isEmpty();
  }

  @Test
  void lists_with_fields_are_mongodb_embedded_relations_not_tables() throws Exception {
    PrismaSchema schema =
        PrismaSchema.parse(
            """
        model Post {
          id     String   @id @map("_id")
          tagIds String[]
          tags   Tag[]    @relation(fields: [tagIds], references: [id])
        }
        model Tag {
          id      String   @id @map("_id")
          postIds String[]
          posts   Post[]   @relation(fields: [postIds], references: [id])
        }
        """);
    assertThat(schema.joinTables()).isEmpty();
  }

  @Test
  void relation_to_a_view_gets_no_table() throws Exception {
    PrismaSchema schema =
        PrismaSchema.parse(
            """
        model Post {
          id    Int         @id
          stats PostStats[]
        }
        view PostStats {
          id    Int    @unique
          posts Post[]
        }
        """);
    assertThat(schema.joinTables()).isEmpty();
  }

  @Test
  void join_table_lives_in_the_schema_of_model_a() throws Exception {
    PrismaSchema schema =
        PrismaSchema.parse(
            """
        datasource db {
          provider = "postgresql"
          url      = env("DATABASE_URL")
          schemas  = ["auth", "content"]
        }
        model User {
          id     Int    @id
          groups Group[]
          @@schema("content")
        }
        model Group {
          id    Int    @id
          users User[]
          @@schema("auth")
        }
        """);
    assertThat(schema.joinTables())
        .singleElement()
        .satisfies(
            t -> {
              assertThat(t.tableName()).isEqualTo("_GroupToUser");
              assertThat(t.schema()).isEqualTo(Optional.of("auth"));
            });
  }

  @Test
  void ignored_side_marks_the_table_ignored() throws Exception {
    PrismaSchema schema =
        PrismaSchema.parse(
            """
        model A {
          id Int @id
          bs B[] @ignore
        }
        model B {
          id Int @id
          as A[]
        }
        """);
    assertThat(schema.joinTables())
        .singleElement()
        .satisfies(t -> assertThat(t.ignored()).isTrue());
  }

  @Test
  void long_relation_names_are_cut_as_prisma_cuts_them() throws Exception {
    String name = "R".repeat(70);
    PrismaSchema schema =
        PrismaSchema.parse(
            """
        model A {
          id Int @id
          bs B[] @relation("%s")
        }
        model B {
          id Int @id
          as A[] @relation("%s")
        }
        """
                .formatted(name, name));
    ImplicitJoinTable table = schema.joinTables().get(0);
    assertThat(table.tableName()).isEqualTo("_" + "R".repeat(62)).hasSize(63);
    assertThat(table.primaryKeyName()).isEqualTo("_" + "R".repeat(54) + "_AB_pkey").hasSize(63);
    assertThat(table.legacyUniqueIndexName())
        .isEqualTo("_" + "R".repeat(52) + "_AB_unique")
        .hasSize(63);
    assertThat(table.bIndexName()).isEqualTo("_" + "R".repeat(54) + "_B_index").hasSize(63);
    assertThat(table.foreignKeyAName()).isEqualTo("_" + "R".repeat(55) + "_A_fkey").hasSize(63);
  }

  @Test
  void a_model_without_a_single_id_cannot_take_part() {
    PrismaSchemaException e =
        catchThrowableOfType(
            () ->
                PrismaSchema.parse(
                    """
        model A {
          x  Int
          y  Int
          bs B[]
          @@id([x, y])
        }
        model B {
          id Int @id
          as A[]
        }
        """),
            PrismaSchemaException.class);
    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo(SchemaProblem.Code.INVALID_RELATION);
              assertThat(p.message()).contains("model A to have a single-field @id");
            });
  }
}
