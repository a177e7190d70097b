package io.driftwatch.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * A split that keeps the first statements of a script counts the others and still reports what it
 * cannot read.
 */
class SplitLimitTest {

  @Test
  void the_first_statements_are_kept_the_others_counted() {
    SplitResult split =
        SqlScript.split("-- CreateTable\nSELECT 1;\n".repeat(10) + "SELECT 'open", 3);

    assertThat(split.statements())
        .extracting(SqlStatement::text)
        .containsExactly("SELECT 1", "SELECT 1", "SELECT 1");
    assertThat(split.statements().get(2).line()).isEqualTo(6);
    assertThat(split.count()).isEqualTo(11);
    assertThat(split.isWhole()).isFalse();
    assertThat(split.problems())
        .singleElement()
        .satisfies(problem -> assertThat(problem.line()).isEqualTo(21));
  }

  @Test
  void a_split_that_keeps_them_all_is_whole() {
    SplitResult split = SqlScript.split("SELECT 1; SELECT 2;", 2);

    assertThat(split.isWhole()).isTrue();
    assertThat(SqlScript.split("SELECT 1; SELECT 2;").count()).isEqualTo(2);
  }

  @Test
  void a_statement_cut_keeps_its_place_and_its_start() {
    SqlStatement statement =
        SqlScript.split(
                "\n-- " + "c".repeat(50) + "\nINSERT INTO t VALUES " + "(1),".repeat(100) + "(2)")
            .statements()
            .get(0);
    SqlStatement cut = statement.cut(20);

    assertThat(cut.text()).isEqualTo("INSERT INTO t VALUES");
    assertThat(cut.line()).isEqualTo(statement.line());
    assertThat(cut.start()).isEqualTo(statement.start());
    assertThat(cut.end()).isEqualTo(statement.end());
    assertThat(cut.leadingComments())
        .singleElement()
        .satisfies(comment -> assertThat(comment).hasSize(20));
    assertThat(cut.firstLine(100)).isEqualTo(statement.firstLine(20).replace("…", ""));
    SqlStatement small = SqlScript.split("SELECT 1").statements().get(0);
    assertThat(small.cut(20)).as("short enough: itself").isSameAs(small);
  }
}
