package io.driftwatch.core.sql;

import java.util.List;

/**
 * MySQL's and MariaDB's quoting rules in their default SQL mode (no {@code ANSI_QUOTES}, no {@code
 * NO_BACKSLASH_ESCAPES}), as their lexers ({@code sql_lex.cc}) have them: {@code #} and {@code -- }
 * comments (two dashes and then a space or control character; {@code --x} is two minus signs),
 * {@code /* *}{@code /} comments that do not nest, {@code '...'} and {@code "..."} strings where a
 * backslash or a doubled quote escapes, and {@code `...`} names where a doubled backtick escapes.
 *
 * <p>An executable comment ({@code /*!50100 ... *}{@code /}, MariaDB's {@code /*M!100100 ...
 * *}{@code /}) is SQL the server runs: only its opener and its closer are skipped, so what it holds
 * is split and read like any other text. A script can never hide a statement from the lint in one.
 *
 * <p>Written by hand for the reason {@link SqlScript} gives.
 */
public final class MySqlLexicon implements Lexicon {

  public static final MySqlLexicon INSTANCE = new MySqlLexicon();

  private MySqlLexicon() {}

  /** {@code my_isspace} on the ASCII range. */
  @Override
  public boolean isSpace(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\u000B';
  }

  /** Unquoted names may start with a digit too, but a name of digits alone is a number. */
  @Override
  public boolean isIdentifierStart(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || c >= 0x80;
  }

  @Override
  public boolean isIdentifierPart(char c) {
    return isIdentifierStart(c) || (c >= '0' && c <= '9');
  }

  @Override
  public int commentEnd(String text, int start) {
    char c = text.charAt(start);
    if (c == '#') {
      return lineEnd(text, start + 1);
    }
    if (start + 1 >= text.length()) {
      return NONE;
    }
    char next = text.charAt(start + 1);
    if (c == '-' && next == '-') {
      // "--" opens a comment only before a space, a control character or the end of the text.
      return start + 2 >= text.length() || text.charAt(start + 2) <= ' '
          ? lineEnd(text, start + 2)
          : NONE;
    }
    if (c == '*' && next == '/') {
      return start + 2; // the closer of an executable comment (a stray one is a syntax error)
    }
    if (c == '/' && next == '*') {
      int executable = executableBodyStart(text, start);
      if (executable > 0) {
        return executable;
      }
      int close = text.indexOf("*/", start + 2);
      return close < 0 ? UNTERMINATED : close + 2;
    }
    return NONE;
  }

  /**
   * Just after {@code /*!}, {@code /*!NNNNN}, {@code /*M!} or {@code /*M!NNNNNN} at {@code start};
   * -1 when the comment there is an ordinary one.
   */
  private static int executableBodyStart(String text, int start) {
    int i = start + 2;
    if (i < text.length() && text.charAt(i) == 'M') {
      i++;
    }
    if (i >= text.length() || text.charAt(i) != '!') {
      return -1;
    }
    i++;
    while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
      i++;
    }
    return i;
  }

  private static int lineEnd(String text, int from) {
    int i = from;
    while (i < text.length() && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
      i++;
    }
    return i;
  }

  @Override
  public Quote quoteAt(String text, int start) {
    return switch (text.charAt(start)) {
      case '\'', '"' -> Quote.ESCAPE_STRING;
      case '`' -> Quote.QUOTED_NAME;
      default -> null;
    };
  }

  @Override
  public int quoteEnd(Quote quote, String text, int start) {
    char open = text.charAt(start);
    boolean backslashes = quote == Quote.ESCAPE_STRING;
    int length = text.length();
    int i = start + 1;
    while (i < length) {
      char c = text.charAt(i);
      if (backslashes && c == '\\') {
        i += 2;
      } else if (c == open) {
        if (i + 1 < length && text.charAt(i + 1) == open) {
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

  @Override
  public String unquote(Quote quote, String raw) {
    char open = raw.charAt(0);
    int end =
        raw.length() > 1 && raw.charAt(raw.length() - 1) == open ? raw.length() - 1 : raw.length();
    String inner = raw.substring(1, end);
    if (quote != Quote.ESCAPE_STRING) {
      return inner.replace(String.valueOf(open) + open, String.valueOf(open));
    }
    StringBuilder out = new StringBuilder(inner.length());
    for (int i = 0; i < inner.length(); i++) {
      char c = inner.charAt(i);
      if (c == '\\' && i + 1 < inner.length()) {
        char escaped = inner.charAt(++i);
        out.append(
            switch (escaped) {
              case 'n' -> "\n";
              case 't' -> "\t";
              case 'r' -> "\r";
              case 'b' -> "\b";
              case '0' -> "\0";
              case 'Z' -> "\u001A";
              // LIKE's wildcards keep their backslash (the server does the same).
              case '%', '_' -> "\\" + escaped;
              default -> String.valueOf(escaped);
            });
      } else if (c == open && i + 1 < inner.length() && inner.charAt(i + 1) == open) {
        out.append(open);
        i++;
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  /** A routine's {@code BEGIN ... END} body is one statement: {@link MySqlCompoundStatements}. */
  @Override
  public List<SqlStatement> regroup(String script, List<SqlStatement> statements) {
    return MySqlCompoundStatements.join(script, statements);
  }
}
