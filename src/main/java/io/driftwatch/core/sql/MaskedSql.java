package io.driftwatch.core.sql;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masked SQL: statement text as lint rules match it: string literals, dollar-quoted bodies and
 * comments blanked out, so that {@code DEFAULT 'DROP TABLE x'} or {@code -- no WHERE} never
 * matches. Quoted names stay.
 *
 * <p>The patterns here and in the rules run over text a repository writer controls, so each is
 * linear and recursion-free: {@code java.util.regex} recurses once per repetition of a group
 * holding an alternation ({@code (?:[^"]|"")+} overflowed the stack on a quoted name of a
 * megabyte), so such groups are possessive ({@code (?:[^"]++|"")++}: one iteration per run, no
 * backtracking into them); no pattern starts an unbounded scan at every position of a long run.
 */
public final class MaskedSql {

  /**
   * One name, quoted ({@code "User"}, {@code ""} inside) or not; possessive inside the quotes (see
   * above).
   */
  public static final String NAME = "(?:\"(?:[^\"]++|\"\")++\"|[A-Za-z_][A-Za-z0-9_$]*)";

  /** A name with an optional schema: {@code public."User"}. */
  public static final String QUALIFIED_NAME = NAME + "(?:\\s*\\.\\s*" + NAME + ")?";

  /** The head of {@code ALTER TABLE [IF EXISTS] [ONLY] name}; group 1 is the table. */
  public static final Pattern ALTER_TABLE =
      Pattern.compile(
          "^\\s*ALTER\\s+TABLE\\s+(?:IF\\s+EXISTS\\s+)?(?:ONLY\\s+)?(" + QUALIFIED_NAME + ")",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern PART = Pattern.compile(NAME);
  private static final Pattern QUOTED_NAME = Pattern.compile("\"(?:[^\"]++|\"\")*+\"");

  private MaskedSql() {}

  /**
   * The statement's text, literals and comments replaced by spaces (line breaks kept). Blanked in a
   * builder, not a {@code char[]}: for Latin-1 text the builder keeps one byte a character, half of
   * what a char array costs on a statement of many megabytes.
   */
  public static String mask(String text) {
    StringBuilder out = new StringBuilder(text);
    int length = text.length();
    int i = 0;
    while (i < length) {
      char c = text.charAt(i);
      char next = i + 1 < length ? text.charAt(i + 1) : '\0';
      int end;
      if (c == '-' && next == '-') {
        end = text.indexOf('\n', i);
        end = end < 0 ? length : end;
        blank(out, i, end);
      } else if (c == '/' && next == '*') {
        end = Lexing.blockCommentEnd(text, i);
        end = end < 0 ? length : end;
        blank(out, i, end);
      } else if (c == '"') {
        end = Lexing.quotedEnd(text, i, '"', false); // a quoted name: kept
      } else if (c == '\'') {
        boolean backslashes =
            i > 0
                && (text.charAt(i - 1) == 'E' || text.charAt(i - 1) == 'e')
                && (i < 2 || !Lexing.isIdentifierPart(text.charAt(i - 2)));
        end = Lexing.quotedEnd(text, i, '\'', backslashes);
        blank(out, i, end);
      } else if (c == '$' && Lexing.dollarTagEnd(text, i) > 0) {
        int tagEnd = Lexing.dollarTagEnd(text, i);
        String tag = text.substring(i, tagEnd);
        int close = text.indexOf(tag, tagEnd);
        end = close < 0 ? length : close + tag.length();
        blank(out, i, end);
      } else {
        end = i + 1;
      }
      i = end;
    }
    return out.toString();
  }

  /**
   * Masked text with quoted names blanked too, to look for keywords: a column named {@code "where"}
   * is not a WHERE clause.
   */
  public static String keywordsOf(String masked) {
    Matcher quoted = QUOTED_NAME.matcher(masked);
    StringBuilder out = new StringBuilder(masked.length());
    while (quoted.find()) {
      quoted.appendReplacement(out, " ".repeat(quoted.group().length()));
    }
    quoted.appendTail(out);
    return out.toString();
  }

  /**
   * The pre-filter rules run before their regexes: false when {@code text} cannot hold {@code word}
   * in any case, so the rule skips the statement (or action) without masking it or running a
   * pattern. It never changes a finding: masking and {@link #keywordsOf} only blank characters, and
   * the rules' patterns match case-insensitively in ASCII only (no {@code UNICODE_CASE}), so a
   * pattern needing the word finds nothing in the statement's code, its keywords or its actions
   * when its text does not contain it.
   */
  public static boolean mayContain(String text, String word) {
    char lower = Character.toLowerCase(word.charAt(0));
    char upper = Character.toUpperCase(word.charAt(0));
    return occursFrom(text, lower, word) || (upper != lower && occursFrom(text, upper, word));
  }

  /** True when {@code word} occurs in any case at one of the places where {@code first} is. */
  private static boolean occursFrom(String text, char first, String word) {
    for (int i = text.indexOf(first); i >= 0; i = text.indexOf(first, i + 1)) {
      if (text.regionMatches(true, i, word, 0, word.length())) {
        return true;
      }
    }
    return false;
  }

  /**
   * The pre-filter for an action of an ALTER TABLE ({@link #mayContain}): true when it may start
   * with {@code word}.
   */
  public static boolean mayStartWith(String action, String word) {
    return action.regionMatches(true, 0, word, 0, word.length());
  }

  /** The masked text of a statement. */
  public static String code(SqlStatement statement) {
    return mask(statement.text());
  }

  /** The first line of a statement, cut short, for quoting it in a message. */
  public static String quote(SqlStatement statement) {
    return "`" + statement.firstLine(120) + "`";
  }

  /**
   * The group of a match (a name, maybe qualified) with its surrounding whitespace and that around
   * its dot removed.
   */
  public static String group(Matcher matcher, int group) {
    return withoutSpaceAroundDots(matcher.group(group).strip());
  }

  /**
   * {@code public . "User"} as {@code public."User"}: whitespace next to a dot outside quotes goes,
   * quoted names stay as written. A hand scan, not {@code \s*\.\s*}: that pattern restarts a scan
   * of a whole run of spaces at each of its characters, quadratic on a quoted name holding a long
   * run of them.
   */
  static String withoutSpaceAroundDots(String name) {
    StringBuilder out = new StringBuilder(name.length());
    boolean quoted = false;
    int length = name.length();
    for (int i = 0; i < length; i++) {
      char c = name.charAt(i);
      if (c == '"') {
        quoted = !quoted; // a doubled quote inside a name flips twice
      } else if (!quoted && Lexing.isSpace(c)) {
        int next = i;
        while (next < length && Lexing.isSpace(name.charAt(next))) {
          next++;
        }
        boolean beforeDot = next < length && name.charAt(next) == '.';
        boolean afterDot = !out.isEmpty() && out.charAt(out.length() - 1) == '.';
        if (!beforeDot && !afterDot) {
          out.append(name, i, next); // the whole run at once: each space is looked at once
        }
        i = next - 1;
        continue;
      }
      out.append(c);
    }
    return out.toString();
  }

  /**
   * A table name as written in SQL, as a lookup key: quoted parts as written, unquoted parts folded
   * to lower case as PostgreSQL does, the {@code public} schema dropped.
   */
  public static String sqlKey(String sqlName) {
    StringBuilder key = new StringBuilder();
    Matcher part = PART.matcher(sqlName);
    while (part.find()) {
      String name = part.group();
      name =
          name.startsWith("\"")
              ? name.substring(1, name.length() - 1).replace("\"\"", "\"")
              : name.toLowerCase(Locale.ROOT);
      key.append(key.isEmpty() ? "" : ".").append(name);
    }
    return withoutPublic(key.toString());
  }

  /** A table name as the catalog stores it ({@code User}, {@code audit.Log}), as a lookup key. */
  public static String catalogKey(String catalogName) {
    return withoutPublic(catalogName.strip());
  }

  private static String withoutPublic(String key) {
    return key.startsWith("public.") ? key.substring("public.".length()) : key;
  }

  private static void blank(StringBuilder out, int from, int to) {
    for (int i = from; i < to && i < out.length(); i++) {
      char c = out.charAt(i);
      if (c != '\n' && c != '\r') {
        out.setCharAt(i, ' ');
      }
    }
  }
}
