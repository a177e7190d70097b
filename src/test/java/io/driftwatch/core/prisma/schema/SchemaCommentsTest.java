package io.driftwatch.core.prisma.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.driftwatch.core.prisma.schema.PrismaValue.StringValue;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Comments and layout Prisma accepts ({@code prisma validate} passes on each input here): block
 * comments wherever whitespace may stand, doc comments, comment markers inside strings, CRLF and
 * tabs.
 */
class SchemaCommentsTest {

  @Test
  void block_comments_between_blocks_inside_bodies_in_arguments_and_after_fields()
      throws Exception {
    PrismaSchema schema =
        PrismaSchema.parse(
            """
        /*
         * The application's schema.
         */
        datasource db {
          provider = "postgresql" /* the only provider driftwatch reads */
          url      = env("DATABASE_URL")
          /* schemas = ["public"] */
        }

        /** A user. */
        model User {
          /** The key. */
          id    String @id /* trailing */ @default(uuid())
          email String @unique(map: /* named */ "user_email")
          /* a commented-out field:
          legacy Int
          */
          role  Role   @default(USER) /* spans
                                          two lines */
          name  String?
          @@index([email, /* and */ name]) /* after a block attribute */
        }

        enum Role { /* after the brace */
          USER /* the default */
          ADMIN
        }
        """);
    PrismaModel user = schema.model("User").orElseThrow();
    assertThat(user.fields())
        .extracting(PrismaField::name)
        .containsExactly("id", "email", "role", "name");
    assertThat(user.field("id").orElseThrow().defaultValue()).isPresent();
    assertThat(user.field("email").orElseThrow().attribute("unique").orElseThrow().argument("map"))
        .contains(new StringValue("user_email"));
    assertThat(user.indexes())
        .filteredOn(index -> index.type() == PrismaIndex.Type.INDEX)
        .singleElement()
        .extracting(PrismaIndex::fields)
        .isEqualTo(List.of("email", "name"));
    assertThat(schema.enumType("Role").orElseThrow().databaseValues())
        .containsExactly("USER", "ADMIN");
    assertThat(schema.datasource().orElseThrow().provider()).contains("postgresql");
    assertThat(schema.datasource().orElseThrow().schemas()).isEmpty();
  }

  @Test
  void comment_markers_inside_strings_are_text_and_doc_comments_are_comments() throws Exception {
    PrismaSchema schema =
        PrismaSchema.parse(
            """
        /// A site.
        model Site {
          /// Where it lives.
          url  String @default("https://example.com/*not a comment*/") @map("u//rl")
          id   Int    @id /// trailing doc comment
        }
        """);
    PrismaModel site = schema.model("Site").orElseThrow();
    assertThat(site.field("url").orElseThrow().defaultValue())
        .contains(new StringValue("https://example.com/*not a comment*/"));
    assertThat(site.columnName("url")).isEqualTo("u//rl");
    assertThat(site.fields()).extracting(PrismaField::name).containsExactly("url", "id");
  }

  @Test
  void crlf_line_ends_and_tabs_read_like_newlines_and_spaces() throws Exception {
    PrismaSchema schema =
        PrismaSchema.parse(
            "/* header\r\n */\r\nmodel A {\r\n\tid\tInt\t@id /* c */\r\n\tb\tString\t// c\r\n}\r\n");
    assertThat(schema.model("A").orElseThrow().fields())
        .extracting(PrismaField::name)
        .containsExactly("id", "b");
  }

  @Test
  void an_unterminated_block_comment_is_one_problem_where_it_opens() {
    PrismaSchemaException e =
        catchThrowableOfType(
            () ->
                PrismaSchema.parse(
                    """
        model A {
          id Int @id
        }
        /* never closed
        model B {
          id Int @id
        }
        """),
            PrismaSchemaException.class);
    assertThat(e.problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo(SchemaProblem.Code.UNTERMINATED_COMMENT);
              assertThat(p.position().line()).isEqualTo(4);
              assertThat(p.position().column()).isEqualTo(1);
              assertThat(p.message()).contains("never closed").contains("*/");
            });
  }

  @Test
  void identifiers_stay_ascii_as_in_prisma() {
    PrismaSchemaException e =
        catchThrowableOfType(
            () -> PrismaSchema.parse("model Usér {\n  id Int @id\n}\n"),
            PrismaSchemaException.class);
    assertThat(e.problems())
        .isNotEmpty()
        .allSatisfy(p -> assertThat(p.code()).isEqualTo(SchemaProblem.Code.SYNTAX_ERROR));
  }
}
