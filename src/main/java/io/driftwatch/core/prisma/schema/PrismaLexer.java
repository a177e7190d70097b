package io.driftwatch.core.prisma.schema;

import io.driftwatch.core.prisma.schema.SchemaProblem.Code;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a schema file into tokens in one pass, no regular expressions. Comments ({@code //}, {@code
 * ///} and {@code /* *}{@code /}) are dropped; line ends are kept, because the schema language ends
 * fields, values and keys at the end of a line. Problems are reported, and lexing goes on: the
 * parser then sees {@link Kind#UNKNOWN} tokens and skips them without reporting twice.
 */
final class PrismaLexer {

  enum Kind {
    IDENT,
    NUMBER,
    STRING,
    AT,
    AT_AT,
    DOT,
    COMMA,
    COLON,
    EQUALS,
    QUESTION,
    BANG,
    LPAREN,
    RPAREN,
    LBRACKET,
    RBRACKET,
    LBRACE,
    RBRACE,
    NEWLINE,
    UNKNOWN,
    EOF
  }

  /** {@code text} is the decoded value for strings and the source text otherwise. */
  record Token(Kind kind, String text, int line, int column) {}

  private final String file;
  private final String text;
  private final Problems problems;
  private final List<Token> tokens = new ArrayList<>();
  private int offset;
  private int line = 1;
  private int lineStart;

  private PrismaLexer(String file, String text, Problems problems) {
    this.file = file;
    this.text = text;
    this.problems = problems;
  }

  /** The tokens of {@code text}, always ending with one {@link Kind#EOF}. */
  static List<Token> tokenize(String file, String text, Problems problems) {
    PrismaLexer lexer = new PrismaLexer(file, text, problems);
    lexer.run();
    return lexer.tokens;
  }

  private void run() {
    if (text.startsWith("\uFEFF")) { // a byte order mark some editors write
      offset = 1;
      lineStart = 1;
    }
    int length = text.length();
    while (offset < length) {
      char c = text.charAt(offset);
      switch (c) {
        case '\n' -> newline(1);
        case '\r' -> newline(offset + 1 < length && text.charAt(offset + 1) == '\n' ? 2 : 1);
        case ' ', '\t' -> offset++;
        case '/' -> slash();
        case '"' -> string();
        case '@' -> {
          if (peekChar(1) == '@') {
            single(Kind.AT_AT, 2);
          } else {
            single(Kind.AT, 1);
          }
        }
        case '.' -> single(Kind.DOT, 1);
        case ',' -> single(Kind.COMMA, 1);
        case ':' -> single(Kind.COLON, 1);
        case '=' -> single(Kind.EQUALS, 1);
        case '?' -> single(Kind.QUESTION, 1);
        case '!' -> single(Kind.BANG, 1);
        case '(' -> single(Kind.LPAREN, 1);
        case ')' -> single(Kind.RPAREN, 1);
        case '[' -> single(Kind.LBRACKET, 1);
        case ']' -> single(Kind.RBRACKET, 1);
        case '{' -> single(Kind.LBRACE, 1);
        case '}' -> single(Kind.RBRACE, 1);
        default -> {
          if (isWordStart(c)) {
            word();
          } else if (c == '-' && isDigit(peekChar(1))) {
            negativeNumber();
          } else if (Character.getType(c) == Character.SPACE_SEPARATOR) {
            offset++;
          } else {
            unknown();
          }
        }
      }
    }
    tokens.add(new Token(Kind.EOF, "", line, column()));
  }

  private void newline(int width) {
    tokens.add(new Token(Kind.NEWLINE, "\n", line, column()));
    offset += width;
    line++;
    lineStart = offset;
  }

  private void single(Kind kind, int width) {
    tokens.add(new Token(kind, text.substring(offset, offset + width), line, column()));
    offset += width;
  }

  private void slash() {
    char next = peekChar(1);
    if (next == '/') { // line comment, doc comment (///) included: skip to the end of the line
      while (offset < text.length() && !isLineEnd(text.charAt(offset))) {
        offset++;
      }
    } else if (next == '*') {
      blockComment();
    } else {
      unknown();
    }
  }

  /**
   * A {@code /* ... *}{@code /} comment is whitespace, wherever it stands (Prisma reads them since
   * 6.2). One that spans lines still ends the line it started on, so a field before it and one
   * after it stay apart.
   */
  private void blockComment() {
    SourcePosition start = position();
    int startLine = line;
    int startColumn = column();
    int end = text.indexOf("*/", offset + 2);
    if (end < 0) {
      problems.add(
          Code.UNTERMINATED_COMMENT, start, "comment /* opened here is never closed: add */");
    }
    int stop = end < 0 ? text.length() : end + 2;
    boolean spansLines = false;
    while (offset < stop) { // keep line numbers right for what follows
      char c = text.charAt(offset);
      if (c == '\n' || (c == '\r' && peekChar(1) != '\n')) {
        spansLines = true;
        line++;
        lineStart = offset + 1;
      }
      offset++;
    }
    if (spansLines) {
      tokens.add(new Token(Kind.NEWLINE, "\n", startLine, startColumn));
    }
  }

  private void string() {
    int startLine = line;
    int startColumn = column();
    SourcePosition start = position();
    offset++; // opening quote
    StringBuilder value = new StringBuilder();
    int length = text.length();
    while (true) {
      if (offset >= length || isLineEnd(text.charAt(offset))) {
        problems.add(
            Code.UNTERMINATED_STRING,
            start,
            "string not closed before the end of the line: add the closing \"");
        break;
      }
      char c = text.charAt(offset);
      if (c == '"') {
        offset++;
        break;
      }
      if (c == '\\') {
        offset++;
        if (offset >= length || isLineEnd(text.charAt(offset))) {
          continue; // reported as unterminated on the next turn
        }
        escape(value);
        continue;
      }
      if (c < 0x20) {
        problems.add(
            Code.SYNTAX_ERROR,
            position(),
            String.format(
                "control character U+%04X inside a string: Prisma rejects it; write an escape such as \\t",
                (int) c));
      }
      value.append(c);
      offset++;
    }
    tokens.add(new Token(Kind.STRING, value.toString(), startLine, startColumn));
  }

  /** Decodes the escape after a backslash (JSON escapes; any other character stands for itself). */
  private void escape(StringBuilder value) {
    char e = text.charAt(offset);
    switch (e) {
      case 'n' -> value.append('\n');
      case 't' -> value.append('\t');
      case 'r' -> value.append('\r');
      case 'b' -> value.append('\b');
      case 'f' -> value.append('\f');
      case 'u' -> {
        if (offset + 5 <= text.length() && isHex(text, offset + 1, offset + 5)) {
          value.append((char) Integer.parseInt(text.substring(offset + 1, offset + 5), 16));
          offset += 5;
          return;
        }
        value.append('u');
      }
      default -> value.append(e);
    }
    offset++;
  }

  private void word() {
    int start = offset;
    int column = column();
    boolean digitsOnly = true;
    while (offset < text.length() && isWordPart(text.charAt(offset))) {
      digitsOnly &= isDigit(text.charAt(offset));
      offset++;
    }
    if (digitsOnly) {
      fraction();
      tokens.add(new Token(Kind.NUMBER, text.substring(start, offset), line, column));
    } else {
      tokens.add(new Token(Kind.IDENT, text.substring(start, offset), line, column));
    }
  }

  private void negativeNumber() {
    int start = offset;
    int column = column();
    offset++; // minus
    while (offset < text.length() && isDigit(text.charAt(offset))) {
      offset++;
    }
    fraction();
    tokens.add(new Token(Kind.NUMBER, text.substring(start, offset), line, column));
  }

  private void fraction() {
    if (peekChar(0) == '.' && isDigit(peekChar(1))) {
      offset++;
      while (offset < text.length() && isDigit(text.charAt(offset))) {
        offset++;
      }
    }
  }

  private void unknown() {
    int codePoint = text.codePointAt(offset);
    if (!problems.full()) {
      problems.add(
          Code.SYNTAX_ERROR,
          position(),
          String.format(
              "unexpected character '%s' (U+%04X): names use ASCII letters, digits, _ and -; text belongs in a \"string\"",
              new String(Character.toChars(codePoint)), codePoint));
    }
    int width = Character.charCount(codePoint);
    tokens.add(new Token(Kind.UNKNOWN, text.substring(offset, offset + width), line, column()));
    offset += width;
  }

  private char peekChar(int ahead) {
    int at = offset + ahead;
    return at < text.length() ? text.charAt(at) : '\0';
  }

  private int column() {
    return offset - lineStart + 1;
  }

  private SourcePosition position() {
    return new SourcePosition(file, line, column());
  }

  private static boolean isLineEnd(char c) {
    return c == '\n' || c == '\r';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Prisma's identifiers start with an ASCII letter or digit; a leading _ is tolerated here. */
  private static boolean isWordStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || isDigit(c) || c == '_';
  }

  private static boolean isWordPart(char c) {
    return isWordStart(c) || c == '-';
  }

  private static boolean isHex(String s, int from, int to) {
    for (int i = from; i < to; i++) {
      if (Character.digit(s.charAt(i), 16) < 0) {
        return false;
      }
    }
    return true;
  }
}
