package io.driftwatch.core.prisma.schema;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing: truncated, mutated and random inputs give a schema or a {@link
 * PrismaSchemaException} with positions inside the input — never another exception, never a hang.
 */
class SchemaRobustnessTest {

  private static final long SEED = 0x5EED_2024L;

  private static final String CORPUS =
      """
      // fuzz corpus: every construct the reader knows
      datasource db {
        provider = "postgresql"
        url      = env("DATABASE_URL")
        schemas  = ["public", "auth"]
      }
      generator client {
        provider        = "prisma-client-js"
        previewFeatures = ["multiSchema", "views"]
      }
      /// users
      model User {
        id     String  @id @default(dbgenerated("gen_random_uuid()")) @db.Uuid
        email  String  @unique(map: "u_email") // trailing
        name   String? @map("full_name")
        role   Role    @default(USER)
        area   Unsupported("polygon")?
        posts  Post[]  @relation("Authored")
        groups Group[]
        @@map("users")
        @@schema("auth")
        @@index([email(sort: Desc), name], map: "u_idx", type: BTree)
      }
      model Post {
        id       Int     @id @default(autoincrement())
        authorId String  @map("author_id") @db.Uuid
        author   User    @relation("Authored", fields: [authorId], references: [id], onDelete: Cascade)
        title    String  @default("a \\"quoted\\" // title")
        @@unique(
          [authorId, title],
          map: "post_author_title"
        )
        @@schema("public")
      }
      model Group {
        id    Int    @id
        users User[]
        @@schema("auth")
        @@ignore
      }
      view Totals {
        id Int @unique
        @@schema("public")
      }
      enum Role {
        USER  @map("user")
        ADMIN
        @@map("role")
        @@schema("auth")
      }
      type Address {
        street String
      }
      type Alias = String @id
      """;

  private static final String[] FRAGMENTS = {
    "{",
    "}",
    "(",
    ")",
    "[",
    "]",
    "\"",
    "@",
    "@@",
    "\n",
    "\r\n",
    "\r",
    "//",
    "///",
    "/*",
    "*/",
    "\\",
    ",",
    ":",
    "=",
    "?",
    "!",
    ".",
    "-",
    "-1",
    "1.5",
    "model",
    "model X {",
    "enum",
    "view V {",
    "type T = ",
    "type",
    "datasource",
    "generator",
    "Unsupported(",
    "@relation(fields: [",
    "@@id([",
    "@map(",
    "@default(now())",
    "User",
    "Post[]",
    " ",
    "\t",
    "\u00e9",
    "\u0000",
    "\uFEFF",
    "\uD83D\uDE00",
    "\uD83D",
    "x".repeat(80),
    "[[[[[[[[[[",
    "((((((((",
  };

  @Test
  void every_truncation_of_a_valid_schema() {
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          for (int end = 0; end <= CORPUS.length(); end++) {
            check(Map.of("schema.prisma", CORPUS.substring(0, end)));
          }
        });
  }

  @Test
  void random_mutations_of_a_valid_schema() {
    Random random = new Random(SEED);
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          for (int i = 0; i < 3000; i++) {
            StringBuilder text = new StringBuilder(CORPUS);
            int edits = 1 + random.nextInt(6);
            for (int e = 0; e < edits; e++) {
              mutate(text, random);
            }
            if (random.nextInt(4) == 0) { // split into a multi-file schema
              int cut = random.nextInt(text.length() + 1);
              Map<String, String> files = new LinkedHashMap<>();
              files.put("schema/b.prisma", text.substring(0, cut));
              files.put("schema/a.prisma", text.substring(cut));
              check(files);
            } else {
              check(Map.of("schema.prisma", text.toString()));
            }
          }
        });
  }

  @Test
  void random_token_soup() {
    Random random = new Random(SEED + 1);
    assertTimeoutPreemptively(
        Duration.ofSeconds(60),
        () -> {
          for (int i = 0; i < 2000; i++) {
            StringBuilder text = new StringBuilder();
            int pieces = random.nextInt(60);
            for (int p = 0; p < pieces; p++) {
              text.append(
                  random.nextInt(5) == 0
                      ? randomChar(random)
                      : FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
              if (random.nextBoolean()) {
                text.append(' ');
              }
            }
            check(Map.of("schema.prisma", text.toString()));
          }
        });
  }

  @Test
  void pathological_inputs_stay_linear() {
    String[] inputs = {
      "(".repeat(200_000),
      "[".repeat(200_000),
      "{".repeat(200_000),
      "}".repeat(200_000),
      "\"".repeat(200_000),
      "@".repeat(200_000),
      "\u00e9".repeat(200_000),
      "/*".repeat(100_000),
      "\n".repeat(200_000),
      "model A {\n".repeat(20_000),
      "model A {\n  x Int @default(".repeat(20_000),
      "model A {\n  id Int @id\n" + "  f String @map(\"x\")\n".repeat(50_000) + "}\n",
      "enum E {\n" + "  V @map(\"v\")\n".repeat(50_000) + "}\n",
    };
    assertTimeoutPreemptively(
        Duration.ofSeconds(30),
        () -> {
          for (String input : inputs) {
            check(Map.of("schema.prisma", input));
          }
        });
  }

  private static void check(Map<String, String> files) {
    try {
      PrismaSchema schema = PrismaSchema.parse(files);
      schema.databaseTables(); // the derived views must hold up on whatever was accepted
      schema.databaseViews();
      schema.databaseEnums();
    } catch (PrismaSchemaException e) {
      assertThat(e.problems()).isNotEmpty().hasSizeLessThanOrEqualTo(Problems.LIMIT);
      for (SchemaProblem problem : e.problems()) {
        String text = files.get(problem.position().file());
        assertThat(text).as("problem names a file of the input: %s", problem).isNotNull();
        assertThat(problem.position().line()).as("%s", problem).isBetween(1, lineCount(text));
        assertThat(problem.position().column()).as("%s", problem).isPositive();
      }
    } catch (RuntimeException | StackOverflowError e) {
      fail("crashed on input " + describe(files), e);
    }
  }

  private static int lineCount(String text) {
    int lines = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || (c == '\r' && (i + 1 == text.length() || text.charAt(i + 1) != '\n'))) {
        lines++;
      }
    }
    return lines;
  }

  private static void mutate(StringBuilder text, Random random) {
    int at = random.nextInt(text.length() + 1);
    switch (random.nextInt(4)) {
      case 0 -> text.delete(at, Math.min(text.length(), at + 1 + random.nextInt(20)));
      case 1 -> text.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
      case 2 -> text.insert(at, randomChar(random));
      default -> {
        int from = random.nextInt(text.length() + 1);
        int to = Math.min(text.length(), from + random.nextInt(80));
        text.insert(at, text.substring(from, to));
      }
    }
  }

  private static char randomChar(Random random) {
    return random.nextInt(3) == 0
        ? (char) random.nextInt(0x10000)
        : (char) (0x20 + random.nextInt(0x60));
  }

  private static String describe(Map<String, String> files) {
    StringBuilder out = new StringBuilder();
    files.forEach(
        (name, text) ->
            out.append("\n--- ")
                .append(name)
                .append(" ---\n")
                .append(text.length() > 2000 ? text.substring(0, 2000) + "..." : text));
    return out.toString();
  }

  @Test
  void a_schema_larger_than_driftwatch_reads_is_one_problem_and_is_not_parsed() {
    // Reading costs dozens of times the text: four pathological mebibytes took over 128 MiB of
    // heap.
    String huge = "model M {\n  id Int @id\n}\n".repeat((int) (PrismaSchema.MAX_BYTES / 24) + 1);
    try {
      PrismaSchema.parse(Map.of("a.prisma", "datasource db {}\n", "b.prisma", huge));
      fail("a schema over the limit is not read");
    } catch (PrismaSchemaException e) {
      assertThat(e.problems())
          .singleElement()
          .satisfies(
              problem -> {
                assertThat(problem.code()).isEqualTo(SchemaProblem.Code.TOO_LARGE);
                assertThat(problem.position().file()).isEqualTo("a.prisma");
                assertThat(problem.message()).contains("more than the 2,097,152 driftwatch reads");
              });
    }
  }
}
