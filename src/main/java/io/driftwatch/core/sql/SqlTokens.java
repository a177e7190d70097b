package io.driftwatch.core.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts one statement into {@link SqlToken}s, comments skipped, with the quoting rules of a {@link
 * Lexicon}. Written by hand for the same reason as {@link SqlScript}: it must follow the database's
 * own lexer (PostgreSQL's {@code scan.l}: dollar quotes, nested comments, E'' strings), and no
 * maintained Java library does that without a full grammar. An unterminated construct ends the
 * token list at the end of the text; the splitter has already reported it.
 *
 * <p>{@link Lexer} reads the tokens one at a time, so a reader that needs only the head of a
 * statement (or a scan that keeps nothing) never holds the tokens of a whole data load: a token
 * costs about a hundred bytes, fifty times the two characters of a {@code 1,} in an {@code INSERT}
 * of a million rows.
 */
public final class SqlTokens {

  /** The one-character symbols, made once: most tokens of a long statement are punctuation. */
  private static final String[] SYMBOLS = new String[128];

  static {
    for (char c = 0; c < SYMBOLS.length; c++) {
      SYMBOLS[c] = String.valueOf(c);
    }
  }

  private SqlTokens() {}

  /** Every token of the text, read with PostgreSQL's quoting rules. */
  public static List<SqlToken> of(String text) {
    return of(text, PostgresLexicon.INSTANCE);
  }

  /** Every token of the text. */
  public static List<SqlToken> of(String text, Lexicon lexicon) {
    List<SqlToken> tokens = new ArrayList<>();
    Lexer lexer = new Lexer(text, 0, lexicon);
    for (SqlToken token = lexer.next(); token != null; token = lexer.next()) {
      tokens.add(token);
    }
    return tokens;
  }

  /** The tokens of a text, read on demand from a position, in one forward pass. */
  public static final class Lexer {

    private final String text;
    private final Lexicon lexicon;
    private final int length;
    private int i;

    /**
     * @param from where to start: the start of the text, or the end of a token read before
     */
    public Lexer(String text, int from, Lexicon lexicon) {
      this.text = text;
      this.lexicon = lexicon;
      this.length = text.length();
      this.i = from;
    }

    /** Where the next token is looked for: just after the last one read. */
    public int position() {
      return i;
    }

    /** The next token, or null at the end of the text. */
    public SqlToken next() {
      while (i < length) {
        char c = text.charAt(i);
        char next = i + 1 < length ? text.charAt(i + 1) : '\0';
        int start = i;
        int end;
        Quote quote;
        if (lexicon.isSpace(c)) {
          i++;
        } else if ((end = lexicon.commentEnd(text, i)) != Lexicon.NONE) {
          i = end == Lexicon.UNTERMINATED ? length : end;
        } else if ((quote = lexicon.quoteAt(text, i)) != null) {
          end = lexicon.quoteEnd(quote, text, i);
          i = end == Lexicon.UNTERMINATED ? length : end;
          String raw = text.substring(start, i);
          return new SqlToken(quote.token(), lexicon.unquote(quote, raw), raw);
        } else if (lexicon.isIdentifierStart(c)) {
          while (i < length && lexicon.isIdentifierPart(text.charAt(i))) {
            i++;
          }
          String word = text.substring(start, i);
          return new SqlToken(SqlToken.Kind.WORD, word.toUpperCase(Locale.ROOT), word);
        } else if (Character.isDigit(c)) {
          while (i < length
              && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '.')) {
            i++;
          }
          String number = text.substring(start, i);
          return new SqlToken(SqlToken.Kind.NUMBER, number, number);
        } else if (c == ':' && next == ':') {
          i += 2;
          return new SqlToken(SqlToken.Kind.SYMBOL, "::", "::");
        } else {
          i++;
          String symbol = c < SYMBOLS.length ? SYMBOLS[c] : String.valueOf(c);
          return new SqlToken(SqlToken.Kind.SYMBOL, symbol, symbol);
        }
      }
      return null;
    }
  }
}
