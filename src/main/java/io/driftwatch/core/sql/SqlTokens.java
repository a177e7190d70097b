package io.driftwatch.core.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Cuts one statement into {@link SqlToken}s, comments skipped. Written by hand for the same reason
 * as {@link SqlScript}: it must follow PostgreSQL's own lexer ({@code scan.l}) on dollar quotes,
 * nested comments and E'' strings, and no maintained Java library does that for PostgreSQL's
 * dialect without a full grammar. An unterminated construct ends the token list at the end of the
 * text; the splitter has already reported it.
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

  /** Every token of the text. */
  public static List<SqlToken> of(String text) {
    List<SqlToken> tokens = new ArrayList<>();
    Lexer lexer = new Lexer(text, 0);
    for (SqlToken token = lexer.next(); token != null; token = lexer.next()) {
      tokens.add(token);
    }
    return tokens;
  }

  /** The tokens of a text, read on demand from a position, in one forward pass. */
  public static final class Lexer {

    private final String text;
    private final int length;
    private int i;

    /**
     * @param from where to start: the start of the text, or the end of a token read before
     */
    public Lexer(String text, int from) {
      this.text = text;
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
        if (Lexing.isSpace(c)) {
          i++;
        } else if (c == '-' && next == '-') {
          i = Lexing.lineCommentEnd(text, i);
        } else if (c == '/' && next == '*') {
          int end = Lexing.blockCommentEnd(text, i);
          i = end < 0 ? length : end;
        } else if (c == '"') {
          i = Lexing.quotedEnd(text, i, '"', false);
          String raw = text.substring(start, i);
          return new SqlToken(SqlToken.Kind.QUOTED_NAME, unquote(raw, '"', false), raw);
        } else if (c == '\'') {
          i = Lexing.quotedEnd(text, i, '\'', false);
          String raw = text.substring(start, i);
          return new SqlToken(SqlToken.Kind.STRING, unquote(raw, '\'', false), raw);
        } else if ((c == 'E' || c == 'e') && next == '\'') {
          i = Lexing.quotedEnd(text, i + 1, '\'', true);
          return new SqlToken(
              SqlToken.Kind.STRING,
              unquote(text.substring(start + 1, i), '\'', true),
              text.substring(start, i));
        } else if (c == '$' && Lexing.dollarTagEnd(text, i) > 0) {
          int tagEnd = Lexing.dollarTagEnd(text, i);
          String tag = text.substring(i, tagEnd);
          int close = text.indexOf(tag, tagEnd);
          i = close < 0 ? length : close + tag.length();
          String body = text.substring(tagEnd, close < 0 ? length : close);
          return new SqlToken(SqlToken.Kind.STRING, body, text.substring(start, i));
        } else if (Lexing.isIdentifierStart(c)) {
          while (i < length && Lexing.isIdentifierPart(text.charAt(i))) {
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

  private static String unquote(String quoted, char quote, boolean backslashes) {
    int end =
        quoted.length() > 1 && quoted.charAt(quoted.length() - 1) == quote
            ? quoted.length() - 1
            : quoted.length();
    String inner = quoted.substring(1, end);
    String doubled = String.valueOf(quote) + quote;
    String value = inner.replace(doubled, String.valueOf(quote));
    if (!backslashes) {
      return value;
    }
    StringBuilder out = new StringBuilder(value.length());
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' && i + 1 < value.length()) {
        char escaped = value.charAt(++i);
        out.append(
            switch (escaped) {
              case 'n' -> '\n';
              case 't' -> '\t';
              case 'r' -> '\r';
              case 'b' -> '\b';
              case 'f' -> '\f';
              default -> escaped;
            });
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }
}
