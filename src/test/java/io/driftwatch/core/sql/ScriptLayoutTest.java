package io.driftwatch.core.sql;

import static io.driftwatch.core.sql.Split.texts;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Offsets, lines and columns; line endings, byte order mark, empty and final statements. */
class ScriptLayoutTest {

  @Test
  void empty_and_blank_scripts_have_no_statements() {
    assertThat(SqlScript.split("").statements()).isEmpty();
    assertThat(SqlScript.split(" \n\t\r\n").statements()).isEmpty();
    assertThat(SqlScript.split(null).statements()).isEmpty();
    assertThat(SqlScript.split("\uFEFF").statements()).isEmpty();
  }

  @Test
  void empty_statements_are_skipped() {
    assertThat(texts(";;SELECT 1;; ;\n;SELECT 2;;")).containsExactly("SELECT 1", "SELECT 2");
  }

  @Test
  void a_final_statement_needs_no_semicolon() {
    assertThat(texts("SELECT 1;\nSELECT 2  \n\n")).containsExactly("SELECT 1", "SELECT 2");
  }

  @Test
  void text_is_trimmed_and_matches_its_offsets() {
    String sql = "  SELECT 1 ;\n\tSELECT\n  2\n;";
    SplitResult result = SqlScript.split(sql);
    assertThat(result.statements())
        .extracting(SqlStatement::text)
        .containsExactly("SELECT 1", "SELECT\n  2");
    assertThat(result.statements())
        .allSatisfy(s -> assertThat(sql.substring(s.start(), s.end())).isEqualTo(s.text()));
    assertThat(result.statements()).extracting(SqlStatement::line).containsExactly(1, 2);
    assertThat(result.statements()).extracting(SqlStatement::column).containsExactly(3, 2);
  }

  @Test
  void crlf_line_endings() {
    String sql =
        "-- CreateTable\r\nCREATE TABLE a (\r\n  x int\r\n);\r\n\r\n-- CreateIndex\r\nCREATE INDEX i ON a (x);\r\n";
    SplitResult result = SqlScript.split(sql);
    assertThat(result.statements())
        .extracting(SqlStatement::text)
        .containsExactly("CREATE TABLE a (\r\n  x int\r\n)", "CREATE INDEX i ON a (x)");
    assertThat(result.statements())
        .extracting(SqlStatement::leadingComments)
        .containsExactly(List.of("-- CreateTable"), List.of("-- CreateIndex"));
    assertThat(result.statements()).extracting(SqlStatement::line).containsExactly(2, 7);
  }

  @Test
  void lone_carriage_returns_count_as_line_breaks() {
    SplitResult result = SqlScript.split("SELECT 1;\r-- c\rSELECT 2;");
    assertThat(result.statements().get(1).line()).isEqualTo(3);
    assertThat(result.statements().get(1).leadingComments()).containsExactly("-- c");
  }

  @Test
  void byte_order_mark_is_skipped_and_takes_no_column() {
    String sql = "\uFEFF-- CreateTable\nCREATE TABLE a (x int);";
    SqlStatement statement = SqlScript.split(sql).statements().get(0);
    assertThat(statement.text()).isEqualTo("CREATE TABLE a (x int)");
    assertThat(statement.leadingComments()).containsExactly("-- CreateTable");
    assertThat(SqlScript.split("\uFEFFSELECT 1").statements().get(0))
        .satisfies(
            s -> {
              assertThat(s.text()).isEqualTo("SELECT 1");
              assertThat(s.start()).isEqualTo(1);
              assertThat(s.column()).isEqualTo(1);
            });
  }

  @Test
  void columns_count_code_points() {
    SplitResult result = SqlScript.split("SELECT '\uD83D\uDE00'; SELECT 2");
    assertThat(result.statements().get(1).column()).isEqualTo(13);
    assertThat(result.statements().get(1).start()).isEqualTo(13);
  }
}
