package io.driftwatch.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The splitter, the tokenizer and a statement's leading words read a script only through its {@link
 * Lexicon}: a database with other quoting rules is another lexicon. The one here quotes names in
 * backticks and starts comments with {@code #}, as MySQL does, and is PostgreSQL's otherwise.
 */
class LexiconSeamTest {

  /** PostgreSQL's rules plus backtick names and {@code #} comments. */
  private static final Lexicon BACKTICKS =
      new Lexicon() {
        private final Lexicon postgres = PostgresLexicon.INSTANCE;

        @Override
        public boolean isSpace(char c) {
          return postgres.isSpace(c);
        }

        @Override
        public boolean isIdentifierStart(char c) {
          return postgres.isIdentifierStart(c);
        }

        @Override
        public boolean isIdentifierPart(char c) {
          return postgres.isIdentifierPart(c);
        }

        @Override
        public int commentEnd(String text, int start) {
          if (text.charAt(start) == '#') {
            int newline = text.indexOf('\n', start);
            return newline < 0 ? text.length() : newline;
          }
          return postgres.commentEnd(text, start);
        }

        @Override
        public Quote quoteAt(String text, int start) {
          return text.charAt(start) == '`' ? Quote.QUOTED_NAME : postgres.quoteAt(text, start);
        }

        @Override
        public int quoteEnd(Quote quote, String text, int start) {
          if (text.charAt(start) == '`') {
            int close = text.indexOf('`', start + 1);
            return close < 0 ? UNTERMINATED : close + 1;
          }
          return postgres.quoteEnd(quote, text, start);
        }

        @Override
        public String unquote(Quote quote, String raw) {
          if (raw.charAt(0) == '`') {
            return raw.substring(
                1, raw.endsWith("`") && raw.length() > 1 ? raw.length() - 1 : raw.length());
          }
          return postgres.unquote(quote, raw);
        }
      };

  private static final String SCRIPT =
      "# a comment; not a statement\nCREATE TABLE `a;b` (`id` INT);\n# DROP TABLE x;\nDROP TABLE `a;b`;";

  @Test
  void the_splitter_follows_the_lexicon_s_quotes_and_comments() {
    SplitResult split = SqlScript.split(SCRIPT, 100, BACKTICKS);

    assertThat(split.problems()).isEmpty();
    assertThat(split.statements())
        .extracting(SqlStatement::text)
        .containsExactly("CREATE TABLE `a;b` (`id` INT)", "DROP TABLE `a;b`");
    assertThat(split.statements().get(0).leadingComments())
        .containsExactly("# a comment; not a statement");
    assertThat(split.statements().get(1).is("DROP", "TABLE")).isTrue();
    assertThat(split.statements().get(1).lexicon()).isSameAs(BACKTICKS);
  }

  @Test
  void postgresql_splits_the_same_script_elsewhere() {
    assertThat(SqlScript.split(SCRIPT, 100).statements()).hasSizeGreaterThan(2);
  }

  @Test
  void the_tokenizer_reads_a_backtick_name_as_one_quoted_name() {
    List<SqlToken> tokens = SqlTokens.of("DROP TABLE `a;b` # gone", BACKTICKS);

    assertThat(tokens)
        .extracting(SqlToken::kind)
        .containsExactly(SqlToken.Kind.WORD, SqlToken.Kind.WORD, SqlToken.Kind.QUOTED_NAME);
    assertThat(tokens.get(2).value()).isEqualTo("a;b");
  }

  @Test
  void an_unterminated_quote_is_reported_as_the_lexicon_s_kind_of_quote() {
    SplitResult split = SqlScript.split("SELECT 1;\nDROP TABLE `oops;", 100, BACKTICKS);

    assertThat(split.problems())
        .singleElement()
        .extracting(SplitProblem::code)
        .isEqualTo(SplitProblem.Code.UNTERMINATED_QUOTED_IDENTIFIER);
    assertThat(split.statements().get(1).unparsed()).isTrue();
  }
}
