package io.driftwatch.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** MySQL's quoting rules, as the splitter and the tokenizer read a script with them. */
class MySqlLexiconTest {

  private static List<String> statements(String sql) {
    return SqlScript.split(sql, 100, MySqlLexicon.INSTANCE).statements().stream()
        .map(SqlStatement::text)
        .toList();
  }

  @Test
  void hash_and_dash_dash_space_comments_hide_semicolons() {
    assertThat(statements("SELECT 1; # one; two\nSELECT 2; -- three; four\nSELECT 3;"))
        .containsExactly("SELECT 1", "SELECT 2", "SELECT 3");
  }

  @Test
  void two_dashes_without_a_space_are_minus_signs() {
    assertThat(statements("SELECT 5--1; SELECT 2;")).containsExactly("SELECT 5--1", "SELECT 2");
  }

  @Test
  void backslashes_and_doubled_quotes_escape_in_both_string_quotes() {
    assertThat(
            statements(
                "INSERT INTO t VALUES ('it\\'s; a', \"say \\\"hi\\\";\", 'x''y;');SELECT 1;"))
        .hasSize(2);
    List<SqlToken> tokens = SqlTokens.of("'it\\'s' \"a\"\"b\" `we``ird`", MySqlLexicon.INSTANCE);
    assertThat(tokens).extracting(SqlToken::value).containsExactly("it's", "a\"b", "we`ird");
    assertThat(tokens.get(2).isName()).isTrue();
  }

  @Test
  void backticked_names_hold_semicolons() {
    assertThat(statements("CREATE TABLE `a;b` (`c;d` INT);SELECT 1;")).hasSize(2);
  }

  @Test
  void an_executable_comment_is_read_as_sql_not_hidden() {
    List<String> split = statements("/*!40101 SET NAMES utf8mb4 */;/*!50001 DROP TABLE `t` */;");
    assertThat(split).hasSize(2);
    List<SqlToken> tokens = SqlTokens.of("/*!50001 DROP TABLE `t` */", MySqlLexicon.INSTANCE);
    assertThat(tokens).extracting(SqlToken::value).containsExactly("DROP", "TABLE", "t");
    assertThat(SqlTokens.of("/*M!100100 DROP TABLE `t` */", MySqlLexicon.INSTANCE))
        .extracting(SqlToken::value)
        .containsExactly("DROP", "TABLE", "t");
    assertThat(SqlTokens.of("/* DROP TABLE `t` */ SELECT 1", MySqlLexicon.INSTANCE))
        .extracting(SqlToken::value)
        .containsExactly("SELECT", "1");
  }

  @Test
  void unterminated_quotes_are_reported() {
    assertThat(SqlScript.split("SELECT 'abc", 100, MySqlLexicon.INSTANCE).problems())
        .extracting(SplitProblem::code)
        .containsExactly(SplitProblem.Code.UNTERMINATED_STRING);
    assertThat(SqlScript.split("SELECT `abc", 100, MySqlLexicon.INSTANCE).problems())
        .extracting(SplitProblem::code)
        .containsExactly(SplitProblem.Code.UNTERMINATED_QUOTED_IDENTIFIER);
  }
}
