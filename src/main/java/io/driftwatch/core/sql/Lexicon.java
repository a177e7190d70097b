package io.driftwatch.core.sql;

import java.util.List;

/**
 * The quoting rules of one database's SQL lexer: which characters are space and make names, where
 * comments, strings and quoted names begin and end, and what a quoted token's value is. The
 * splitter ({@link SqlScript}), the tokenizer ({@link SqlTokens}) and a statement's leading words
 * ({@link SqlStatement#is}) read every script through one, so a second database is a second
 * lexicon, not a second splitter. PostgreSQL's is {@link PostgresLexicon}.
 *
 * <p>Every method is asked at each token start of every script: an implementation allocates nothing
 * and answers from a character or two.
 */
public interface Lexicon {

  /** What {@link #commentEnd} and {@link #quoteEnd} answer when nothing starts there. */
  int NONE = -1;

  /** What {@link #commentEnd} and {@link #quoteEnd} answer for a comment or quote never closed. */
  int UNTERMINATED = -2;

  boolean isSpace(char c);

  /** A character that starts an unquoted name or keyword. */
  boolean isIdentifierStart(char c);

  /** A character that continues one. */
  boolean isIdentifierPart(char c);

  /**
   * The index just after the comment starting at {@code start} (a line comment ends before its
   * newline); {@link #NONE} when no comment starts there, {@link #UNTERMINATED} when it never
   * closes.
   */
  int commentEnd(String text, int start);

  /** The quoted text starting at {@code start}, or null when none starts there. */
  Quote quoteAt(String text, int start);

  /**
   * The index just after the quoted text of this kind starting at {@code start}; {@link
   * #UNTERMINATED} when it never closes.
   */
  int quoteEnd(Quote quote, String text, int start);

  /** The value of a quoted token, written {@code raw} (the end of the text when never closed). */
  String unquote(Quote quote, String raw);

  /**
   * The statements of {@code script} as split at every terminator, joined where the database reads
   * several as one (MySQL's BEGIN ... END bodies): as split, unless a dialect says otherwise.
   */
  default List<SqlStatement> regroup(String script, List<SqlStatement> statements) {
    return statements;
  }
}
