package io.driftwatch.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.sql.SqlToken.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlTokensTest {

  @Test
  void words_are_upper_cased_values_and_fold_to_lower_case_names() {
    List<SqlToken> tokens = SqlTokens.of("create Table user_log");

    assertThat(tokens).extracting(SqlToken::kind).containsExactly(Kind.WORD, Kind.WORD, Kind.WORD);
    assertThat(tokens).extracting(SqlToken::value).containsExactly("CREATE", "TABLE", "USER_LOG");
    assertThat(tokens.get(1).isWord("TABLE")).isTrue();
    assertThat(tokens.get(2).name()).isEqualTo("user_log");
  }

  @Test
  void quoted_name_keeps_case_and_undoes_doubled_quotes() {
    List<SqlToken> tokens = SqlTokens.of("\"public\".\"My \"\"Quoted\"\" Table\"");

    assertThat(tokens)
        .extracting(SqlToken::kind)
        .containsExactly(Kind.QUOTED_NAME, Kind.SYMBOL, Kind.QUOTED_NAME);
    assertThat(tokens.get(0).name()).isEqualTo("public");
    assertThat(tokens.get(2).value()).isEqualTo("My \"Quoted\" Table");
    assertThat(tokens.get(2).name()).isEqualTo("My \"Quoted\" Table");
    assertThat(tokens.get(2).raw()).isEqualTo("\"My \"\"Quoted\"\" Table\"");
    assertThat(tokens.get(2).isName()).isTrue();
  }

  @Test
  void plain_string_undoes_doubled_quotes_but_not_backslashes() {
    List<SqlToken> tokens = SqlTokens.of("'it''s \\n'");

    assertThat(tokens)
        .singleElement()
        .satisfies(
            token -> {
              assertThat(token.kind()).isEqualTo(Kind.STRING);
              assertThat(token.value()).isEqualTo("it's \\n");
              assertThat(token.raw()).isEqualTo("'it''s \\n'");
            });
  }

  @Test
  void e_string_undoes_backslash_escapes() {
    List<SqlToken> tokens = SqlTokens.of("E'line\\none\\tit\\'s \\\\ done' x");

    assertThat(tokens).hasSize(2);
    assertThat(tokens.get(0).kind()).isEqualTo(Kind.STRING);
    assertThat(tokens.get(0).value()).isEqualTo("line\none\tit's \\ done");
    assertThat(tokens.get(0).raw()).isEqualTo("E'line\\none\\tit\\'s \\\\ done'");
    assertThat(tokens.get(1).isWord("X")).isTrue();
  }

  @Test
  void lower_case_e_string_is_a_string_too() {
    List<SqlToken> tokens = SqlTokens.of("e'a\\'b'");

    assertThat(tokens)
        .singleElement()
        .satisfies(
            token -> {
              assertThat(token.kind()).isEqualTo(Kind.STRING);
              assertThat(token.value()).isEqualTo("a'b");
            });
  }

  @Test
  void dollar_quoted_body_is_one_string_without_its_delimiters() {
    List<SqlToken> tokens = SqlTokens.of("DO $$ BEGIN RAISE 'x;'; END $$ ;");

    assertThat(tokens)
        .extracting(SqlToken::kind)
        .containsExactly(Kind.WORD, Kind.STRING, Kind.SYMBOL);
    assertThat(tokens.get(1).value()).isEqualTo(" BEGIN RAISE 'x;'; END ");
    assertThat(tokens.get(1).raw()).isEqualTo("$$ BEGIN RAISE 'x;'; END $$");
  }

  @Test
  void tagged_dollar_quote_ends_only_at_its_own_tag() {
    List<SqlToken> tokens = SqlTokens.of("AS $fn$ SELECT $$inner$$; $fn$ LANGUAGE sql");

    assertThat(tokens)
        .extracting(SqlToken::kind)
        .containsExactly(Kind.WORD, Kind.STRING, Kind.WORD, Kind.WORD);
    assertThat(tokens.get(1).value()).isEqualTo(" SELECT $$inner$$; ");
    assertThat(tokens.get(1).raw()).isEqualTo("$fn$ SELECT $$inner$$; $fn$");
    assertThat(tokens.get(3).name()).isEqualTo("sql");
  }

  @Test
  void dollar_inside_a_word_is_part_of_the_word() {
    List<SqlToken> tokens = SqlTokens.of("a$b$ c");

    assertThat(tokens).extracting(SqlToken::raw).containsExactly("a$b$", "c");
  }

  @Test
  void nested_block_comments_and_line_comments_are_skipped() {
    List<SqlToken> tokens =
        SqlTokens.of("SELECT /* outer /* inner */ still comment */ 1 -- trailing\n, 2");

    assertThat(tokens).extracting(SqlToken::raw).containsExactly("SELECT", "1", ",", "2");
    assertThat(tokens.get(1).kind()).isEqualTo(Kind.NUMBER);
  }

  @Test
  void double_colon_is_one_symbol_and_other_punctuation_one_character_each() {
    List<SqlToken> tokens = SqlTokens.of("'USER'::\"Role\"(1,2.5)");

    assertThat(tokens)
        .extracting(SqlToken::raw)
        .containsExactly("'USER'", "::", "\"Role\"", "(", "1", ",", "2.5", ")");
    assertThat(tokens.get(1).isSymbol("::")).isTrue();
    assertThat(tokens.get(1).kind()).isEqualTo(Kind.SYMBOL);
    assertThat(tokens.get(6).kind()).isEqualTo(Kind.NUMBER);
  }

  @Test
  void single_colon_stays_a_single_symbol() {
    List<SqlToken> tokens = SqlTokens.of("a:b");

    assertThat(tokens).extracting(SqlToken::value).containsExactly("A", ":", "B");
  }

  @Test
  void unterminated_constructs_end_the_token_list() {
    assertThat(SqlTokens.of("x 'open")).extracting(SqlToken::value).containsExactly("X", "open");
    assertThat(SqlTokens.of("x $$ body")).extracting(SqlToken::value).containsExactly("X", " body");
    assertThat(SqlTokens.of("x /* never closed")).extracting(SqlToken::value).containsExactly("X");
  }
}
