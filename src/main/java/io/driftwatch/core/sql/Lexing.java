package io.driftwatch.core.sql;

/**
 * Character classes, comment, string and dollar-quote ends of PostgreSQL's lexer ({@code scan.l}),
 * shared by the splitter and the tokenizer.
 */
public final class Lexing {

  private Lexing() {}

  /** {@code space} in scan.l: space, tab, newline, carriage return, form feed, vertical tab. */
  public static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
  }

  /** {@code ident_start}: a letter, an underscore, or any non-ASCII character. */
  public static boolean isIdentifierStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
  }

  /**
   * {@code ident_cont}: also digits and {@code $}, so {@code a$b$} is one name, not a dollar quote.
   */
  public static boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || (c >= '0' && c <= '9') || c == '$';
  }

  /** {@code dolq_start}: a dollar-quote tag starts like a name, but {@code $1} is a parameter. */
  static boolean isTagStart(char c) {
    return isIdentifierStart(c);
  }

  /** {@code dolq_cont}: unlike names, a tag holds no {@code $}. */
  static boolean isTagPart(char c) {
    return isIdentifierStart(c) || (c >= '0' && c <= '9');
  }

  /**
   * Index of the newline (or end of text) ending the {@code --} comment at {@code start}; scan.l
   * ends it at CR or LF.
   */
  public static int lineCommentEnd(CharSequence text, int start) {
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

  /**
   * Index just after the block comment at {@code start}, counting nested {@code /*}; -1 if it never
   * closes.
   */
  public static int blockCommentEnd(CharSequence text, int start) {
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
   * Index just after the quoted string or name opening at {@code start} (its quote doubled inside
   * stays inside); the end of the text if it never closes.
   *
   * @param backslashes an {@code E''} string, where a backslash escapes the next character
   */
  public static int quotedEnd(CharSequence text, int start, char quote, boolean backslashes) {
    int i = start + 1;
    int length = text.length();
    while (i < length) {
      char c = text.charAt(i);
      if (backslashes && c == '\\') {
        i += 2;
      } else if (c == quote) {
        if (i + 1 < length && text.charAt(i + 1) == quote) {
          i += 2;
        } else {
          return i + 1;
        }
      } else {
        i++;
      }
    }
    return length;
  }

  /**
   * Index just after the {@code $tag$} opening a dollar quote at {@code start}, or -1 when there is
   * none there: a {@code $} inside a name ({@code a$b}) or before a digit ({@code $1}) opens
   * nothing.
   */
  public static int dollarTagEnd(CharSequence text, int start) {
    if (start > 0 && isIdentifierPart(text.charAt(start - 1))) {
      return -1;
    }
    int i = start + 1;
    if (i < text.length() && isTagStart(text.charAt(i))) {
      while (i < text.length() && isTagPart(text.charAt(i))) {
        i++;
      }
    }
    return i < text.length() && text.charAt(i) == '$' ? i + 1 : -1;
  }
}
