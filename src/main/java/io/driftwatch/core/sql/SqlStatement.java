package io.driftwatch.core.sql;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One statement of a script, exactly as written: {@code script.substring(start, end)} equals {@code
 * text}, which has no surrounding whitespace and no terminating semicolon.
 *
 * @param start index of the first character of the statement in the script
 * @param end index just after its last character (before whitespace and the semicolon)
 * @param line 1-based line of {@code start}
 * @param column 1-based column of {@code start}, in code points (a byte order mark is not counted)
 * @param leadingComments the comments between the previous statement and this one, as written (e.g.
 *     Prisma's {@code -- CreateTable}); a comment on the same line after the previous statement's
 *     semicolon belongs to that statement and is not listed
 * @param unparsed true when the splitter lost track inside this statement (see {@link
 *     SplitResult#problems()}): its end is the end of the script, not a known statement end
 * @param lexicon the quoting rules it was split with, which its words and tokens are read with
 */
public record SqlStatement(
    String text,
    int start,
    int end,
    int line,
    int column,
    List<String> leadingComments,
    boolean unparsed,
    Lexicon lexicon) {

  /** Enough leading words to tell {@code CREATE UNIQUE INDEX CONCURRENTLY IF NOT} apart. */
  static final int MAX_KEYWORDS = 6;

  public SqlStatement {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(lexicon, "lexicon");
    leadingComments = List.copyOf(leadingComments);
  }

  /**
   * The leading unquoted words, upper-cased, comments and whitespace skipped, stopping at the first
   * token that is not a word (a quoted name, a parenthesis, a string...) and after {@value
   * #MAX_KEYWORDS} words. {@code CREATE UNIQUE INDEX CONCURRENTLY "idx" ON ...} gives {@code
   * [CREATE, UNIQUE, INDEX, CONCURRENTLY]}. Unquoted names are words too: {@code DROP TABLE users}
   * gives {@code [DROP, TABLE, USERS]}.
   */
  public List<String> keywords() {
    List<String> words = new ArrayList<>(4);
    int start = nextWord(0);
    while (start >= 0 && words.size() < MAX_KEYWORDS) {
      int end = wordEnd(start);
      words.add(text.substring(start, end).toUpperCase(Locale.ROOT));
      start = nextWord(end);
    }
    return List.copyOf(words);
  }

  /**
   * This statement with its text (and each leading comment) cut to its first {@code maxChars}
   * characters, the rest of its fields unchanged: what a reader keeps long after the split (where
   * the statement is, how it starts) without keeping the text of a data load. The text is then the
   * start of the statement, not all of it.
   */
  public SqlStatement cut(int maxChars) {
    boolean longComment = leadingComments.stream().anyMatch(comment -> comment.length() > maxChars);
    if (text.length() <= maxChars && !longComment) {
      return this;
    }
    return new SqlStatement(
        text.length() <= maxChars ? text : text.substring(0, maxChars),
        start,
        end,
        line,
        column,
        leadingComments.stream()
            .map(comment -> comment.length() <= maxChars ? comment : comment.substring(0, maxChars))
            .toList(),
        unparsed,
        lexicon);
  }

  /** Where the statement is, as a finding's message starts: {@code Line 12}. */
  public String lineLabel() {
    return "Line " + line;
  }

  /**
   * For logs and assertion messages: the line and the start of the text, never all of it. A record
   * prints every component, and one statement can be megabytes: a failed assertion over thousands
   * of effects (each printing its statement) once built a message so large that the test vanished
   * from the report.
   */
  @Override
  public String toString() {
    return "SqlStatement[line "
        + line
        + ": "
        + firstLine(80)
        + (unparsed ? ", unparsed" : "")
        + "]";
  }

  /**
   * The statement's first line, stripped, cut at {@code maxLength} characters (with an ellipsis):
   * to quote it.
   */
  public String firstLine(int maxLength) {
    String first = text.strip().lines().findFirst().orElse("").strip();
    return first.length() > maxLength ? first.substring(0, maxLength) + "…" : first;
  }

  /**
   * True when the statement starts with these words, in any case: {@code is("ALTER", "TABLE")}. The
   * same answer as comparing with {@link #keywords()}, read in place without building the list:
   * rules ask it of every statement.
   */
  public boolean is(String... leadingWords) {
    if (leadingWords.length == 0 || leadingWords.length > MAX_KEYWORDS) {
      return false;
    }
    int start = nextWord(0);
    for (String word : leadingWords) {
      if (start < 0) {
        return false;
      }
      int end = wordEnd(start);
      if (!upperCasedEquals(start, end, word)) {
        return false;
      }
      start = nextWord(end);
    }
    return true;
  }

  /**
   * Where the next leading word starts at or after {@code from}, whitespace and comments skipped;
   * -1 when the next token is not a word (a quoted name, a parenthesis, a string...) or there is
   * none.
   */
  private int nextWord(int from) {
    int i = from;
    int length = text.length();
    while (i < length) {
      char c = text.charAt(i);
      int commentEnd;
      if (lexicon.isSpace(c)) {
        i++;
      } else if ((commentEnd = lexicon.commentEnd(text, i)) != Lexicon.NONE) {
        if (commentEnd == Lexicon.UNTERMINATED) {
          return -1;
        }
        i = commentEnd;
      } else if (lexicon.isIdentifierStart(c)) {
        int end = wordEnd(i);
        if (end == i + 1
            && end < length
            && (text.charAt(end) == '\'' || (text.charAt(end) == '&' && (c == 'U' || c == 'u')))) {
          return -1; // E'...', B'...', X'...', N'...', U&'...', U&"...": a string or quoted name,
          // not a word
        }
        return i;
      } else {
        return -1;
      }
    }
    return -1;
  }

  private int wordEnd(int start) {
    int i = start;
    while (i < text.length() && lexicon.isIdentifierPart(text.charAt(i))) {
      i++;
    }
    return i;
  }

  /**
   * True when {@code text[start, end)} upper-cased, as {@link #keywords()} has it, equals {@code
   * word} ignoring case.
   */
  private boolean upperCasedEquals(int start, int end, String word) {
    for (int i = start; i < end; i++) {
      if (text.charAt(i) >= 0x80) {
        return text.substring(start, end).toUpperCase(Locale.ROOT).equalsIgnoreCase(word);
      }
    }
    return end - start == word.length() && text.regionMatches(true, start, word, 0, word.length());
  }

  /**
   * True for statements that open, close or mark a transaction: {@code BEGIN}, {@code START
   * TRANSACTION}, {@code COMMIT}, {@code END}, {@code ROLLBACK}, {@code ABORT}, {@code SAVEPOINT},
   * {@code RELEASE}, {@code PREPARE TRANSACTION}. Not {@code DO $$ BEGIN ... $$} (a {@code DO}
   * statement) nor a function's {@code BEGIN ATOMIC} body (part of its {@code CREATE FUNCTION}).
   */
  /**
   * False when the text cannot hold {@code word} in any case, strings and comments included: the
   * pre-filter a reader runs before reading the statement's tokens for a word it may not hold.
   */
  public boolean mayContain(String word) {
    char lower = Character.toLowerCase(word.charAt(0));
    char upper = Character.toUpperCase(word.charAt(0));
    return occursFrom(lower, word) || (upper != lower && occursFrom(upper, word));
  }

  /** True when {@code word} occurs in any case at one of the places where {@code first} is. */
  private boolean occursFrom(char first, String word) {
    for (int i = text.indexOf(first); i >= 0; i = text.indexOf(first, i + 1)) {
      if (text.regionMatches(true, i, word, 0, word.length())) {
        return true;
      }
    }
    return false;
  }

  /** The statement for messages: its first line, cut at 120 characters, in backquotes. */
  public String quoted() {
    return "`" + firstLine(120) + "`";
  }

  public boolean isTransactionControl() {
    List<String> keywords = keywords();
    if (keywords.isEmpty()) {
      return false;
    }
    return switch (keywords.get(0)) {
      case "BEGIN" -> !(keywords.size() > 1 && keywords.get(1).equals("ATOMIC"));
      case "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE" -> true;
      case "START", "PREPARE" -> keywords.size() > 1 && keywords.get(1).equals("TRANSACTION");
      default -> false;
    };
  }
}
