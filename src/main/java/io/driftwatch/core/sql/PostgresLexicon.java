package io.driftwatch.core.sql;

/**
 * PostgreSQL's quoting rules, as its lexer ({@code scan.l}) and psql's ({@code psqlscan.l}) have
 * them: {@code --} and nested {@code /* *}{@code /} comments, {@code '...'} strings (with {@code
 * standard_conforming_strings} on, the default since 9.1, only a doubled quote escapes), {@code
 * E'...'} strings with backslash escapes, {@code "..."} names and {@code $tag$...$tag$} strings.
 *
 * <p>Written by hand: see {@link SqlScript}.
 */
public final class PostgresLexicon implements Lexicon {

  public static final PostgresLexicon INSTANCE = new PostgresLexicon();

  private PostgresLexicon() {}

  /** {@code space} in scan.l: space, tab, newline, carriage return, form feed, vertical tab. */
  @Override
  public boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
  }

  /** {@code ident_start}: a letter, an underscore, or any non-ASCII character. */
  @Override
  public boolean isIdentifierStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
  }

  /**
   * {@code ident_cont}: also digits and {@code $}, so {@code a$b$} is one name, not a dollar quote.
   */
  @Override
  public boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || (c >= '0' && c <= '9') || c == '$';
  }

  /** {@code dolq_start}: a dollar-quote tag starts like a name, but {@code $1} is a parameter. */
  private boolean isTagStart(char c) {
    return isIdentifierStart(c);
  }

  /** {@code dolq_cont}: unlike names, a tag holds no {@code $}. */
  private boolean isTagPart(char c) {
    return isIdentifierStart(c) || (c >= '0' && c <= '9');
  }

  /** {@code --} to the end of the line (scan.l ends it at CR or LF); nested block comments. */
  @Override
  public int commentEnd(String text, int start) {
    if (start + 1 >= text.length()) {
      return NONE;
    }
    char c = text.charAt(start);
    char next = text.charAt(start + 1);
    if (c == '-' && next == '-') {
      return lineCommentEnd(text, start);
    }
    if (c == '/' && next == '*') {
      int end = blockCommentEnd(text, start);
      return end < 0 ? UNTERMINATED : end;
    }
    return NONE;
  }

  private static int lineCommentEnd(String text, int start) {
    int i = start + 2;
    int length = text.length();
    while (i < length) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r') {
        return i;
      }
      i++;
    }
    return length;
  }

  /** Just after the block comment at {@code start}, counting nested {@code /*}; -1 if unclosed. */
  private static int blockCommentEnd(String text, int start) {
    int depth = 1;
    int i = start + 2;
    int last = text.length() - 1;
    while (i < last) {
      char c = text.charAt(i);
      char next = text.charAt(i + 1);
      if (c == '/' && next == '*') {
        depth++;
        i += 2;
      } else if (c == '*' && next == '/') {
        i += 2;
        if (--depth == 0) {
          return i;
        }
      } else {
        i++;
      }
    }
    return -1;
  }

  /**
   * {@code E'} only at a token's start (scan.l xestart: when E stands alone); a {@code $} opens a
   * dollar quote only as a delimiter {@code $$} or {@code $tag$} (scan.l dolqdelim), else it is a
   * parameter ({@code $1}) or an operator character.
   */
  @Override
  public Quote quoteAt(String text, int start) {
    char c = text.charAt(start);
    return switch (c) {
      case '\'' -> Quote.STRING;
      case '"' -> Quote.QUOTED_NAME;
      case 'E', 'e' ->
          start + 1 < text.length() && text.charAt(start + 1) == '\'' ? Quote.ESCAPE_STRING : null;
      case '$' -> dollarTagEnd(text, start) > 0 ? Quote.DOLLAR_QUOTED : null;
      default -> null;
    };
  }

  /** Just after the {@code $tag$} opening a dollar quote at {@code start}, or -1 when none. */
  private int dollarTagEnd(String text, int start) {
    int i = start + 1;
    if (i < text.length() && isTagStart(text.charAt(i))) {
      do {
        i++;
      } while (i < text.length() && isTagPart(text.charAt(i)));
    }
    return i < text.length() && text.charAt(i) == '$' ? i + 1 : -1;
  }

  @Override
  public int quoteEnd(Quote quote, String text, int start) {
    return switch (quote) {
      case STRING -> doubledQuoteEnd(text, start, '\'');
      case QUOTED_NAME -> doubledQuoteEnd(text, start, '"');
      case ESCAPE_STRING -> escapeStringEnd(text, start);
      case DOLLAR_QUOTED -> dollarQuoteEnd(text, start);
    };
  }

  /** A standard string or quoted name: only a doubled quote escapes. */
  private static int doubledQuoteEnd(String text, int start, char quote) {
    int length = text.length();
    int i = start + 1;
    while (true) {
      int close = text.indexOf(quote, i);
      if (close < 0) {
        return UNTERMINATED;
      }
      if (close + 1 < length && text.charAt(close + 1) == quote) {
        i = close + 2;
      } else {
        return close + 1;
      }
    }
  }

  /** {@code E'...'}: a backslash escapes the next character, a doubled quote too. */
  private static int escapeStringEnd(String text, int start) {
    int i = start + 2;
    int length = text.length();
    while (i < length) {
      char c = text.charAt(i);
      if (c == '\\') {
        i += 2;
      } else if (c == '\'') {
        if (i + 1 < length && text.charAt(i + 1) == '\'') {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return UNTERMINATED;
  }

  /**
   * The body ends at the first occurrence of the same delimiter, which is where scan.l's backing up
   * over non-matching {@code $other$} tags lands too.
   */
  private int dollarQuoteEnd(String text, int start) {
    int tagEnd = dollarTagEnd(text, start);
    String delimiter = text.substring(start, tagEnd);
    int close = text.indexOf(delimiter, tagEnd);
    return close < 0 ? UNTERMINATED : close + delimiter.length();
  }

  @Override
  public String unquote(Quote quote, String raw) {
    return switch (quote) {
      case STRING -> undouble(raw, '\'', false);
      case QUOTED_NAME -> undouble(raw, '"', false);
      case ESCAPE_STRING -> undouble(raw.substring(1), '\'', true);
      case DOLLAR_QUOTED -> dollarBody(raw);
    };
  }

  private static String dollarBody(String raw) {
    String tag = raw.substring(0, raw.indexOf('$', 1) + 1);
    boolean closed = raw.length() >= 2 * tag.length() && raw.endsWith(tag);
    return raw.substring(tag.length(), closed ? raw.length() - tag.length() : raw.length());
  }

  private static String undouble(String quoted, char quote, boolean backslashes) {
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
