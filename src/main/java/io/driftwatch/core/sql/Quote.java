package io.driftwatch.core.sql;

/**
 * The kinds of quoted text a {@link Lexicon} knows: what the tokenizer makes of one, and what the
 * splitter reports when it never closes.
 */
public enum Quote {
  /** A string whose quote, doubled, is the only escape: {@code 'it''s'}. */
  STRING(SqlToken.Kind.STRING, SplitProblem.Code.UNTERMINATED_STRING),
  /** A string where a backslash escapes the next character too: PostgreSQL's {@code E'...'}. */
  ESCAPE_STRING(SqlToken.Kind.STRING, SplitProblem.Code.UNTERMINATED_STRING),
  /** A quoted name: {@code "User"} in PostgreSQL. */
  QUOTED_NAME(SqlToken.Kind.QUOTED_NAME, SplitProblem.Code.UNTERMINATED_QUOTED_IDENTIFIER),
  /** A string between two equal tags, nothing escaped: PostgreSQL's {@code $tag$...$tag$}. */
  DOLLAR_QUOTED(SqlToken.Kind.STRING, SplitProblem.Code.UNTERMINATED_DOLLAR_QUOTED_STRING);

  private final SqlToken.Kind token;
  private final SplitProblem.Code unterminated;

  Quote(SqlToken.Kind token, SplitProblem.Code unterminated) {
    this.token = token;
    this.unterminated = unterminated;
  }

  /** The token the tokenizer makes of it. */
  public SqlToken.Kind token() {
    return token;
  }

  /** What the splitter reports when it never closes. */
  public SplitProblem.Code unterminated() {
    return unterminated;
  }
}
