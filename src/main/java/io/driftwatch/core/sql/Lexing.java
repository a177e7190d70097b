package io.driftwatch.core.sql;

/** Character classes and comment ends of PostgreSQL's lexer ({@code scan.l}), shared by the splitter and the classifier. */
final class Lexing {

  private Lexing() {}

  /** {@code space} in scan.l: space, tab, newline, carriage return, form feed, vertical tab. */
  static boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
  }

  /** {@code ident_start}: a letter, an underscore, or any non-ASCII character. */
  static boolean isIdentifierStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80;
  }

  /** {@code ident_cont}: also digits and {@code $}, so {@code a$b$} is one name, not a dollar quote. */
  static boolean isIdentifierPart(char c) {
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

  /** Index of the newline (or end of text) ending the {@code --} comment at {@code start}; scan.l ends it at CR or LF. */
  static int lineCommentEnd(CharSequence text, int start) {
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

  /** Index just after the block comment at {@code start}, counting nested {@code /*}; -1 if it never closes. */
  static int blockCommentEnd(CharSequence text, int start) {
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
}
