package io.driftwatch.core.prisma.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.prisma.schema.PrismaValue.ArrayValue;
import io.driftwatch.core.prisma.schema.PrismaValue.ConstantValue;
import io.driftwatch.core.prisma.schema.PrismaValue.FunctionCall;
import io.driftwatch.core.prisma.schema.PrismaValue.NumberValue;
import io.driftwatch.core.prisma.schema.PrismaValue.StringValue;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The syntax layer alone: tokens, comments, strings, attribute arguments, error positions. */
class PrismaParserTest {

  private final Problems problems = new Problems();

  private List<Parsed.Declaration> parse(String text) {
    return PrismaParser.parse("schema.prisma", text, problems);
  }

  private Parsed.Block onlyBlock(String text) {
    List<Parsed.Declaration> declarations = parse(text);
    assertThat(problems.sorted(List.of("schema.prisma"))).isEmpty();
    assertThat(declarations).hasSize(1);
    return (Parsed.Block) declarations.get(0);
  }

  private List<SchemaProblem> problems() {
    return problems.sorted(List.of("schema.prisma"));
  }

  @Test
  void comments_of_every_kind_are_ignored_wherever_they_sit() {
    Parsed.Block block =
        onlyBlock(
            """
        // leading comment
        /// doc comment on the model
        model User { // after the brace
          /// doc comment on the field
          id    Int    @id // trailing
          // between fields
          email String @unique /// trailing doc comment
          @@map("users") // after a block attribute
        } // after the close
        // trailing comment without newline""");
    assertThat(block.fields()).extracting(Parsed.Field::name).containsExactly("id", "email");
    assertThat(block.attributes()).extracting(PrismaAttribute::name).containsExactly("map");
  }

  @Test
  void strings_decode_json_escapes_and_keep_comment_markers() {
    Parsed.Block block =
        onlyBlock(
            """
        model T {
          a String @default("say \\"hi\\" // not a comment")
          b String @default("tab\\there\\\\ \\u00e9 /* nor this */")
        }
        """);
    assertThat(block.fields().get(0).attributes().get(0).defaultArgument("value"))
        .contains(new StringValue("say \"hi\" // not a comment"));
    assertThat(block.fields().get(1).attributes().get(0).defaultArgument("value"))
        .contains(new StringValue("tab\there\\ \u00e9 /* nor this */"));
  }

  @Test
  void function_calls_arrays_and_named_arguments() {
    Parsed.Block block =
        onlyBlock(
            """
        model Post {
          id      String   @id @default(dbgenerated("gen_random_uuid()")) @db.Uuid
          n       Decimal  @default(-1.5) @db.Decimal(10, 2)
          author  User     @relation("Posts", fields: [authorId], references: [id], onDelete: Cascade)
          @@index([title(ops: raw("gin_trgm_ops")), createdAt(sort: Desc)], type: Gin)
        }
        """);
    Parsed.Field id = block.fields().get(0);
    assertThat(id.attributes())
        .extracting(PrismaAttribute::name)
        .containsExactly("id", "default", "db.Uuid");
    assertThat(id.attributes().get(1).arguments().get(0).value())
        .isEqualTo(
            new FunctionCall(
                "dbgenerated",
                List.of(
                    new PrismaArgument(Optional.empty(), new StringValue("gen_random_uuid()")))));
    Parsed.Field n = block.fields().get(1);
    assertThat(n.attributes().get(0).defaultArgument("value")).contains(new NumberValue("-1.5"));
    assertThat(n.attributes().get(1).arguments())
        .extracting(PrismaArgument::value)
        .containsExactly(new NumberValue("10"), new NumberValue("2"));
    PrismaAttribute relation = block.fields().get(2).attributes().get(0);
    assertThat(relation.defaultArgument("name")).contains(new StringValue("Posts"));
    assertThat(relation.argument("fields").orElseThrow().asReferenceList())
        .containsExactly("authorId");
    assertThat(relation.argument("onDelete")).contains(new ConstantValue("Cascade"));
    PrismaAttribute index = block.attributes().get(0);
    assertThat(index.defaultArgument("fields").orElseThrow().asReferenceList())
        .containsExactly("title", "createdAt");
    assertThat(index.argument("type")).contains(new ConstantValue("Gin"));
  }

  @Test
  void attribute_arguments_and_arrays_may_span_lines_with_comments_and_trailing_commas() {
    Parsed.Block block =
        onlyBlock(
            """
        model Membership {
          userId Int
          teamId Int
          @@id(
            fields: [
              userId, // who
              teamId, // where
            ],
            map: "membership_pk"
          )
          @@index([teamId]) }
        """);
    PrismaAttribute id = block.attributes().get(0);
    assertThat(id.argument("fields").orElseThrow().asReferenceList())
        .containsExactly("userId", "teamId");
    assertThat(id.argument("map")).contains(new StringValue("membership_pk"));
    assertThat(block.attributes()).hasSize(2);
  }

  @Test
  void field_types_with_arity_and_unsupported() {
    Parsed.Block block =
        onlyBlock(
            """
        model Place {
          id       Int @id
          name     String?
          tags     String[]
          area     Unsupported("polygon")?
          areas    Unsupported("circle")[]
          legacy   [Int]
          required String!
          colon:   Int
        }
        """);
    assertThat(block.fields())
        .extracting(f -> f.type().toString())
        .containsExactly(
            "Int",
            "String?",
            "String[]",
            "Unsupported(\"polygon\")?",
            "Unsupported(\"circle\")[]",
            "Int[]",
            "String",
            "Int");
    assertThat(block.fields().get(3).type().unsupported()).contains("polygon");
  }

  @Test
  void config_blocks_enums_composite_types_and_aliases() {
    List<Parsed.Declaration> declarations =
        parse(
            """
        datasource db {
          provider = "postgresql"
          url      = env("DATABASE_URL")
          schemas  = ["public",
                      "auth"]
        }
        generator client {
          provider        = "prisma-client-js"
          previewFeatures = ["multiSchema", "views"]
        }
        enum Role {
          USER  @map("user")
          ADMIN
          @@map("role")
        }
        type Address {
          street String
        }
        type Id = String @id
        """);
    assertThat(problems()).isEmpty();
    assertThat(declarations)
        .extracting(Parsed.Declaration::kind)
        .containsExactly(
            Parsed.BlockKind.DATASOURCE,
            Parsed.BlockKind.GENERATOR,
            Parsed.BlockKind.ENUM,
            Parsed.BlockKind.COMPOSITE_TYPE,
            Parsed.BlockKind.TYPE_ALIAS);
    Parsed.Config datasource = (Parsed.Config) declarations.get(0);
    assertThat(datasource.properties())
        .extracting(Parsed.Property::key)
        .containsExactly("provider", "url", "schemas");
    assertThat(datasource.properties().get(1).value())
        .isEqualTo(
            new FunctionCall(
                "env",
                List.of(new PrismaArgument(Optional.empty(), new StringValue("DATABASE_URL")))));
    assertThat(datasource.properties().get(2).value()).isInstanceOf(ArrayValue.class);
    Parsed.Enum role = (Parsed.Enum) declarations.get(2);
    assertThat(role.values()).extracting(Parsed.EnumValue::name).containsExactly("USER", "ADMIN");
  }

  @Test
  void crlf_and_lone_cr_line_ends_and_a_byte_order_mark() {
    Parsed.Block block = onlyBlock("\uFEFFmodel A {\r\n  id Int @id\r  b String\r\n}\r\n");
    assertThat(block.fields()).extracting(Parsed.Field::name).containsExactly("id", "b");
    assertThat(block.fields().get(1).position())
        .isEqualTo(new SourcePosition("schema.prisma", 3, 3));
  }

  @Test
  void unterminated_block_is_reported_at_its_keyword_and_the_next_block_still_read() {
    List<Parsed.Declaration> declarations =
        parse(
            """
        model User {
          id Int @id

        model Post {
          id Int @id
        }
        """);
    assertThat(problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo(SchemaProblem.Code.UNTERMINATED_BLOCK);
              assertThat(p.position()).isEqualTo(new SourcePosition("schema.prisma", 1, 1));
              assertThat(p.message()).contains("model User").contains("add }");
            });
    assertThat(declarations).extracting(Parsed.Declaration::name).containsExactly("User", "Post");
  }

  @Test
  void unterminated_block_at_end_of_file() {
    parse("enum Role {\n  A\n");
    assertThat(problems())
        .extracting(SchemaProblem::code)
        .containsExactly(SchemaProblem.Code.UNTERMINATED_BLOCK);
  }

  @Test
  void unterminated_string_and_parenthesis_point_at_line_and_column() {
    parse(
        """
        model A {
          id Int @id @default(dbgenerated("x)
          b  String @map("b"
        }
        """);
    assertThat(problems())
        .extracting(p -> p.code() + "@" + p.position().line() + ":" + p.position().column())
        .containsExactly(
            "SYNTAX_ERROR@2:22",
            "SYNTAX_ERROR@2:34",
            "UNTERMINATED_STRING@2:35",
            "SYNTAX_ERROR@3:17");
    assertThat(problems().get(0).message()).isEqualTo("the ( opened here is never closed: add )");
  }

  @Test
  void a_block_comment_is_whitespace_and_keeps_line_numbers() {
    parse("/* a block\n comment */\nmodel A {\n  id Int @id\n  x\n}\n");
    assertThat(problems())
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.code()).isEqualTo(SchemaProblem.Code.SYNTAX_ERROR);
              assertThat(p.position().line()).isEqualTo(5);
            });
  }

  @Test
  void field_without_type_and_stray_tokens_are_syntax_errors_with_positions() {
    List<Parsed.Declaration> declarations =
        parse(
            """
        model A {
          id Int @id
          name
          x String ]
        }
        } oops
        """);
    assertThat(problems())
        .extracting(p -> p.position().line() + ":" + p.position().column())
        .containsExactly("3:7", "4:12", "6:1");
    assertThat(problems().get(0).message()).contains("field `name` in A has no type");
    assertThat(((Parsed.Block) declarations.get(0)).fields())
        .extracting(Parsed.Field::name)
        .containsExactly("id", "x");
  }

  @Test
  void unknown_block_keyword_is_skipped_whole() {
    List<Parsed.Declaration> declarations =
        parse(
            """
        table Foo {
          id Int
        }
        model A {
          id Int @id
        }
        """);
    assertThat(problems())
        .singleElement()
        .satisfies(p -> assertThat(p.message()).contains("unknown block keyword `table`"));
    assertThat(declarations).extracting(Parsed.Declaration::name).containsExactly("A");
  }

  @Test
  void deep_nesting_is_bounded() {
    parse("model A {\n  id Int @default(" + "[".repeat(10_000) + ")\n}\n");
    assertThat(problems())
        .extracting(SchemaProblem::code)
        .contains(SchemaProblem.Code.NESTING_TOO_DEEP);
  }
}
