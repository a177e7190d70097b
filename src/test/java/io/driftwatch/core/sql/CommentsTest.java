package io.driftwatch.core.sql;

import static io.driftwatch.core.sql.Split.texts;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Line and nested block comments: skipped as statement ends, kept as leading comments. */
class CommentsTest {

  @Test
  void semicolons_in_comments_end_nothing() {
    assertThat(texts("SELECT 1 -- a; b\n, 2 /* c; d */ ; SELECT 3"))
        .containsExactly("SELECT 1 -- a; b\n, 2 /* c; d */", "SELECT 3");
  }

  @Test
  void block_comments_nest() {
    assertThat(texts("/* outer /* inner; */ still comment; */ SELECT 1; SELECT 2"))
        .containsExactly("SELECT 1", "SELECT 2");
  }

  @Test
  void star_slash_runs_close_one_level() {
    assertThat(texts("/* a /* b **/ c ***/ SELECT 1;")).containsExactly("SELECT 1");
  }

  @Test
  void leading_comments_are_kept_as_written() {
    SplitResult result =
        SqlScript.split(
            """
        -- CreateEnum
        CREATE TYPE "Role" AS ENUM ('USER');

        -- CreateTable
        /* two comments */
        CREATE TABLE "User" ("id" SERIAL);
        """);
    assertThat(result.statements())
        .extracting(SqlStatement::leadingComments)
        .containsExactly(List.of("-- CreateEnum"), List.of("-- CreateTable", "/* two comments */"));
  }

  @Test
  void a_comment_after_a_semicolon_on_its_line_belongs_to_the_statement_before() {
    SplitResult result =
        SqlScript.split("SELECT 1; -- about select 1\n-- about select 2\nSELECT 2;");
    assertThat(result.statements().get(1).leadingComments()).containsExactly("-- about select 2");
  }

  @Test
  void comments_of_an_empty_statement_are_dropped() {
    SplitResult result = SqlScript.split("-- nothing here\n;\nSELECT 1;");
    assertThat(result.statements())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.text()).isEqualTo("SELECT 1");
              assertThat(s.leadingComments()).isEmpty();
            });
  }

  @Test
  void comments_only_script_has_no_statements() {
    SplitResult result = SqlScript.split("-- This is an empty migration.\n/* really */\n");
    assertThat(result.statements()).isEmpty();
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void line_comment_at_end_without_newline() {
    assertThat(texts("SELECT 1; -- the end")).containsExactly("SELECT 1");
  }

  @Test
  void minus_and_slash_alone_are_operators() {
    assertThat(texts("SELECT 4 - 2 / 1; SELECT -1"))
        .containsExactly("SELECT 4 - 2 / 1", "SELECT -1");
  }
}
