package io.driftwatch.core.prisma.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** What makes a schema unreadable, and how it is reported. */
class SchemaErrorsTest {

  private static List<SchemaProblem> problems(String text) {
    return catchThrowableOfType(() -> PrismaSchema.parse(text), PrismaSchemaException.class)
        .problems();
  }

  @Test
  void unterminated_block() {
    assertThat(problems("model User {\n  id Int @id\n  name String\n"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo(SchemaProblem.Code.UNTERMINATED_BLOCK);
              assertThat(p.toString())
                  .isEqualTo(
                      "schema.prisma:1:1: model User is never closed before the end of the file: add } after its last line");
            });
  }

  @Test
  void duplicate_model_in_one_file() {
    assertThat(problems("model A {\n  id Int @id\n}\nmodel A {\n  id Int @id\n}\n"))
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.toString())
                    .startsWith(
                        "schema.prisma:4:1: model `A` is already declared as a model at schema.prisma:1:1"));
  }

  @Test
  void duplicate_field_and_duplicate_enum_value() {
    assertThat(
            problems(
                """
        model A {
          id Int @id
          id String
        }
        enum E {
          X
          X
        }
        """))
        .extracting(SchemaProblem::code, p -> p.position().line())
        .containsExactly(
            Tuple.tuple(SchemaProblem.Code.DUPLICATE_MEMBER, 3),
            Tuple.tuple(SchemaProblem.Code.DUPLICATE_MEMBER, 7));
  }

  @Test
  void unknown_field_type() {
    assertThat(problems("model A {\n  id Int @id\n  owner user\n}\n"))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo(SchemaProblem.Code.UNKNOWN_TYPE);
              assertThat(p.position()).isEqualTo(new SourcePosition("schema.prisma", 3, 3));
              assertThat(p.message()).contains("`user`").contains("case-sensitive");
            });
  }

  @Test
  void circular_type_aliases_are_an_unknown_type_not_a_hang() {
    assertThat(problems("type A = B\ntype B = A\nmodel M {\n  id Int @id\n  x A\n}\n"))
        .extracting(SchemaProblem::code)
        .containsExactly(SchemaProblem.Code.UNKNOWN_TYPE);
  }

  @Test
  void several_syntax_errors_are_all_reported() {
    List<SchemaProblem> problems =
        problems(
            """
        model A {
          id Int @id @default(
          name String @map("n") extra
          @@index([name
        }
        model B {
          id Int @id
          ref Missing
        }
        """);
    assertThat(problems).hasSizeGreaterThanOrEqualTo(3);
    assertThat(problems)
        .extracting(SchemaProblem::code)
        .contains(SchemaProblem.Code.SYNTAX_ERROR, SchemaProblem.Code.UNKNOWN_TYPE);
    assertThat(problems).allSatisfy(p -> assertThat(p.position().line()).isBetween(1, 9));
  }
}
