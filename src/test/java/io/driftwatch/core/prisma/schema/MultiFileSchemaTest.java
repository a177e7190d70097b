package io.driftwatch.core.prisma.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Prisma's multi-file schema: a folder of .prisma files merged into one namespace. */
class MultiFileSchemaTest {

  private static Map<String, String> files(String... nameThenText) {
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < nameThenText.length; i += 2) {
      files.put(nameThenText[i], nameThenText[i + 1]);
    }
    return files;
  }

  @Test
  void files_are_merged_and_types_resolve_across_them() throws Exception {
    PrismaSchema schema =
        PrismaSchema.parse(
            files(
                "schema/user.prisma",
                    """
            model User {
              id    Int    @id
              role  Role
              posts Post[]
            }
            """,
                "schema/schema.prisma",
                    """
            datasource db {
              provider = "postgresql"
              url      = env("DATABASE_URL")
            }
            generator client {
              provider = "prisma-client-js"
            }
            """,
                "schema/post.prisma",
                    """
            model Post {
              id       Int  @id
              authorId Int  @map("author_id")
              author   User @relation(fields: [authorId], references: [id])
            }
            enum Role {
              USER
            }
            """));
    assertThat(schema.datasource()).isPresent();
    // read in file name order: post, schema, user
    assertThat(schema.models()).extracting(PrismaModel::name).containsExactly("Post", "User");
    assertThat(schema.model("User").orElseThrow().field("role").orElseThrow().kind())
        .isEqualTo(FieldKind.ENUM);
    assertThat(schema.model("Post").orElseThrow().field("author").orElseThrow().kind())
        .isEqualTo(FieldKind.RELATION);
    assertThat(schema.model("Post").orElseThrow().position().file())
        .isEqualTo("schema/post.prisma");
  }

  @Test
  void duplicate_model_across_files_names_both_places() {
    PrismaSchemaException e =
        catchThrowableOfType(
            () ->
                PrismaSchema.parse(
                    files(
                        "a.prisma", "model User {\n  id Int @id\n}\n",
                        "b.prisma", "\n\nmodel User {\n  id Int @id\n}\n")),
            PrismaSchemaException.class);
    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo(SchemaProblem.Code.DUPLICATE_DECLARATION);
              assertThat(p.position()).isEqualTo(new SourcePosition("b.prisma", 3, 1));
              assertThat(p.message())
                  .contains("model `User`")
                  .contains("a.prisma:1:1")
                  .contains("rename or delete");
            });
    assertThat(e.getMessage()).startsWith("b.prisma:3:1: model `User` is already declared");
  }

  @Test
  void a_model_and_an_enum_share_one_namespace() {
    PrismaSchemaException e =
        catchThrowableOfType(
            () ->
                PrismaSchema.parse(
                    files(
                        "a.prisma", "enum Status {\n  A\n}\n",
                        "b.prisma", "model Status {\n  id Int @id\n}\n")),
            PrismaSchemaException.class);
    assertThat(e.problems())
        .extracting(SchemaProblem::message)
        .singleElement()
        .asString()
        .contains("model `Status` is already declared as a enum at a.prisma:1:1");
  }

  @Test
  void problems_of_all_files_come_together_in_file_and_line_order() {
    PrismaSchemaException e =
        catchThrowableOfType(
            () ->
                PrismaSchema.parse(
                    files(
                        "z.prisma", "model Z {\n  id Int @id\n  x Nope\n}\n",
                        "a.prisma", "model A {\n  id Int @id\n  b String @map(\"b\"\n}\n")),
            PrismaSchemaException.class);
    assertThat(e.problems())
        .extracting(p -> p.position().toString())
        .containsExactly("a.prisma:3:16", "z.prisma:3:3");
    assertThat(e.getMessage()).endsWith("(and 1 more)");
  }

  @Test
  void two_datasources_in_two_files() {
    PrismaSchemaException e =
        catchThrowableOfType(
            () ->
                PrismaSchema.parse(
                    files(
                        "a.prisma", "datasource db {\n  provider = \"postgresql\"\n}\n",
                        "b.prisma", "datasource other {\n  provider = \"postgresql\"\n}\n")),
            PrismaSchemaException.class);
    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo(SchemaProblem.Code.MULTIPLE_DATASOURCES);
              assertThat(p.position().file()).isEqualTo("b.prisma");
            });
  }
}
