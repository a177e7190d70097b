package io.driftwatch.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.sql.SplitProblem.Code;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A construct left open is reported where it starts, and the rest of the script becomes one
 * unparsed statement: the statements before it are kept, nothing after it is guessed.
 */
class UnterminatedConstructTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '`',
      value = {
        "UNTERMINATED_STRING              | SELECT 'it''s; SELECT 3;                 | 8",
        "UNTERMINATED_STRING              | SELECT E'it\\'; SELECT 3;                | 8",
        "UNTERMINATED_STRING              | SELECT U&'x; SELECT 3;                   | 10",
        "UNTERMINATED_QUOTED_IDENTIFIER   | SELECT \"a\"\"b; SELECT 3;               | 8",
        "UNTERMINATED_DOLLAR_QUOTED_STRING| DO $body$ BEGIN END $$; SELECT 3;        | 4",
        "UNTERMINATED_BLOCK_COMMENT       | SELECT /* a /* b */ still open; SELECT 3; | 8",
        "UNCLOSED_PARENTHESIS             | SELECT (1; SELECT 3;                      | 8",
        "UNCLOSED_BEGIN_BLOCK             | CREATE FUNCTION f() BEGIN ATOMIC SELECT 1; SELECT 3; | 21",
      })
  void reported_at_its_start_and_the_rest_is_one_unparsed_statement(
      Code code, String thirdLine, int column) {
    String sql = "SELECT 1;\n-- second\nSELECT 2;\n" + thirdLine + "\nSELECT 4;\n";

    SplitResult result = SqlScript.split(sql);

    assertThat(result.isClean()).isFalse();
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            problem -> {
              assertThat(problem.code()).isEqualTo(code);
              assertThat(problem.line()).isEqualTo(4);
              assertThat(problem.column()).isEqualTo(column);
              assertThat(sql.substring(problem.offset()))
                  .startsWith(thirdLine.substring(column - 1));
              assertThat(problem.message())
                  .contains(code.description(), "line 4, column " + column);
            });
    assertThat(result.statements())
        .extracting(SqlStatement::text)
        .containsExactly("SELECT 1", "SELECT 2", thirdLine + "\nSELECT 4;");
    assertThat(result.statements())
        .extracting(SqlStatement::unparsed)
        .containsExactly(false, false, true);
    assertThat(result.statements().get(2).line()).isEqualTo(4);
  }

  @Test
  void dollar_quote_message_names_its_delimiter() {
    SplitResult result = SqlScript.split("DO $fn$ BEGIN END $$;");
    assertThat(result.problems())
        .singleElement()
        .satisfies(
            p ->
                assertThat(p.message())
                    .startsWith(
                        "unterminated dollar-quoted string $fn$ starting at line 1, column 4"));
  }

  @Test
  void unterminated_comment_between_statements_is_itself_the_unparsed_statement() {
    SplitResult result = SqlScript.split("SELECT 1;\n-- note\n/* never closed; SELECT 2;");
    assertThat(result.statements()).hasSize(2);
    SqlStatement rest = result.statements().get(1);
    assertThat(rest.text()).isEqualTo("/* never closed; SELECT 2;");
    assertThat(rest.unparsed()).isTrue();
    assertThat(rest.leadingComments()).containsExactly("-- note");
    assertThat(rest.keywords()).isEmpty();
    assertThat(result.problems()).singleElement().extracting(SplitProblem::line).isEqualTo(3);
  }

  @Test
  void a_lone_quote_at_the_very_end() {
    SplitResult result = SqlScript.split("'");
    assertThat(result.statements()).singleElement().extracting(SqlStatement::text).isEqualTo("'");
    assertThat(result.problems()).singleElement().extracting(SplitProblem::column).isEqualTo(1);
  }
}
