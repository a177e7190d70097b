package io.driftwatch.core.sql;

import io.driftwatch.core.sql.SplitProblem.Code;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cuts a script into statements where psql and the server would: at semicolons outside strings,
 * quoted names, comments, parentheses and SQL-standard function bodies. Where strings, names and
 * comments begin and end is the {@link Lexicon}'s to say ({@link PostgresLexicon} unless given).
 *
 * <p>Hand-written because no maintained Java library splits PostgreSQL scripts exactly as the
 * server does: dollar quoting with tags, nested block comments, {@code E''} strings with backslash
 * escapes next to standard-conforming {@code ''} strings, and {@code BEGIN ATOMIC} bodies.
 * JSqlParser and its kind reject valid PostgreSQL or cut dollar-quoted bodies at their inner
 * semicolons, and none says what it could not read. This lexer follows {@code scan.l} and {@code
 * psqlscan.l} (the rules are cited where they apply) and, instead of guessing, reports an
 * unterminated construct and returns the rest of the script as one statement marked {@link
 * SqlStatement#unparsed()}.
 *
 * <p>Assumes {@code standard_conforming_strings = on}, the default since PostgreSQL 9.1 and what
 * Prisma runs with: a backslash escapes only in {@code E'...'} strings. One pass, no backtracking
 * beyond a dollar-quote tag: linear in the length of the script.
 */
public final class SqlScript {

  private static final char BYTE_ORDER_MARK = '\uFEFF';
  private static final List<String> HEADER_WORDS =
      List.of("create", "or", "replace", "function", "procedure");

  private final String sql;
  private final Lexicon lexicon;
  private final int length;
  private final int maxStatements;
  private final Positions positions;
  private final List<SqlStatement> statements = new ArrayList<>();

  /** Every statement of the script, kept or not. */
  private int count;

  private final List<SplitProblem> problems = new ArrayList<>();

  /** Comments seen since the last statement ended, waiting for the next one to start. */
  private final List<String> pendingComments = new ArrayList<>();

  /**
   * False between a semicolon and the next line break: a comment there trails the statement before.
   */
  private boolean lineBreakSinceTerminator = true;

  // The statement being read; statementStart is -1 between statements.
  private int statementStart = -1;
  private List<String> statementComments = List.of();
  private int parenDepth;
  private int outermostParen;
  private int beginDepth;
  private int outermostBegin;
  private int wordCount;

  /**
   * First letters of the first four words when they are create/or/replace/function/procedure, as
   * psqlscan.l keeps them.
   */
  private final char[] headerWords = new char[4];

  private SqlScript(String sql, int maxStatements, Lexicon lexicon) {
    this.sql = sql;
    this.lexicon = lexicon;
    this.length = sql.length();
    this.maxStatements = maxStatements;
    this.positions = new Positions(sql);
  }

  /**
   * Splits {@code sql} (the contents of a migration.sql) into its statements. Never throws on any
   * input.
   */
  public static SplitResult split(String sql) {
    return split(sql, Integer.MAX_VALUE);
  }

  /**
   * Splits {@code sql}, keeping its first {@code maxStatements} statements: the others are counted
   * ({@link SplitResult#count()}) and not kept, so a script of a million one-line statements costs
   * the time of one pass and the memory of {@code maxStatements} (a kept statement costs about a
   * hundred bytes, ten times the size of a {@code SELECT 1;}). A problem past them is still
   * reported.
   */
  public static SplitResult split(String sql, int maxStatements) {
    return split(sql, maxStatements, PostgresLexicon.INSTANCE);
  }

  /** As {@link #split(String, int)}, with this database's quoting rules. */
  public static SplitResult split(String sql, int maxStatements, Lexicon lexicon) {
    String text = sql == null ? "" : sql;
    SqlScript script = new SqlScript(text, maxStatements, lexicon);
    script.run();
    List<SqlStatement> grouped = lexicon.regroup(text, script.statements);
    return new SplitResult(
        grouped, script.problems, script.count - (script.statements.size() - grouped.size()));
  }

  private void run() {
    int i = length > 0 && sql.charAt(0) == BYTE_ORDER_MARK ? 1 : 0;
    int end;
    Quote quote;
    while (i < length) {
      char c = sql.charAt(i);
      int next = i + 1 < length ? sql.charAt(i + 1) : -1;
      if (c == '\n' || (c == '\r' && next != '\n')) { // a line break, as Positions counts them
        if (statementStart < 0) {
          lineBreakSinceTerminator = true;
        }
        i++;
      } else if (lexicon.isSpace(c)) {
        i++;
      } else if (c == ';') {
        if (parenDepth == 0
            && beginDepth == 0) { // psqlscan.l: only then does ";" end the statement
          endStatement(i);
        }
        i++;
      } else if ((end = lexicon.commentEnd(sql, i)) != Lexicon.NONE) {
        if (end == Lexicon.UNTERMINATED) {
          fail(Code.UNTERMINATED_BLOCK_COMMENT, i, "");
          return;
        }
        comment(i, end);
        i = end;
      } else if ((quote = lexicon.quoteAt(sql, i)) != null) {
        startStatement(i);
        end = lexicon.quoteEnd(quote, sql, i);
        if (end == Lexicon.UNTERMINATED) {
          fail(quote.unterminated(), i, quote == Quote.DOLLAR_QUOTED ? " " + tagAt(i) : "");
          return;
        }
        i = end;
      } else if (lexicon.isIdentifierStart(c)) {
        startStatement(i);
        int wordStart = i;
        do {
          i++;
        } while (i < length && lexicon.isIdentifierPart(sql.charAt(i)));
        word(wordStart, i);
      } else {
        startStatement(i);
        if (c == '(') {
          if (parenDepth++ == 0) {
            outermostParen = i;
          }
        } else if (c == ')' && parenDepth > 0) {
          parenDepth--;
        }
        i++;
      }
    }
    finish();
  }

  private void startStatement(int at) {
    if (statementStart < 0) {
      statementStart = at;
      statementComments = List.copyOf(pendingComments);
      pendingComments.clear();
    }
  }

  private void comment(int start, int end) {
    if (statementStart >= 0) {
      return; // inside a statement: part of its text
    }
    if (lineBreakSinceTerminator && count < maxStatements) {
      pendingComments.add(sql.substring(start, end));
    }
  }

  /**
   * A word (keyword or unquoted name); tracks psqlscan.l's BEGIN ... END depth in CREATE FUNCTION /
   * PROCEDURE.
   */
  private void word(int start, int end) {
    if (wordCount < headerWords.length) {
      headerWords[wordCount] = headerLetter(start, end);
    }
    wordCount++;
    if (parenDepth != 0 || !inRoutineDefinition()) {
      return;
    }
    if (wordIs(start, end, "begin")) {
      if (beginDepth++ == 0) {
        outermostBegin = start;
      }
    } else if (wordIs(start, end, "case")) {
      if (beginDepth > 0) { // CASE also ends with END; only counts inside a body
        beginDepth++;
      }
    } else if (wordIs(start, end, "end") && beginDepth > 0) {
      beginDepth--;
    }
  }

  private char headerLetter(int start, int end) {
    for (String candidate : HEADER_WORDS) {
      if (wordIs(start, end, candidate)) {
        return candidate.charAt(0);
      }
    }
    return 0;
  }

  /** CREATE [OR REPLACE] FUNCTION|PROCEDURE, as psqlscan.l tests it. */
  private boolean inRoutineDefinition() {
    char[] w = headerWords;
    return w[0] == 'c'
        && (w[1] == 'f'
            || w[1] == 'p'
            || (w[1] == 'o' && w[2] == 'r' && (w[3] == 'f' || w[3] == 'p')));
  }

  private boolean wordIs(int start, int end, String lowerCase) {
    return end - start == lowerCase.length()
        && sql.regionMatches(true, start, lowerCase, 0, lowerCase.length());
  }

  /** The {@code $tag$} opening the dollar quote at {@code start}, for the problem's message. */
  private String tagAt(int start) {
    return sql.substring(start, sql.indexOf('$', start + 1) + 1);
  }

  private void endStatement(int semicolon) {
    if (statementStart >= 0) {
      emit(semicolon, false);
    } else {
      pendingComments.clear(); // an empty statement: its comments describe nothing
    }
    lineBreakSinceTerminator = false;
  }

  private void finish() {
    if (statementStart < 0) {
      return; // trailing comments only
    }
    if (parenDepth > 0) {
      emit(length, true);
      problem(Code.UNCLOSED_PARENTHESIS, outermostParen, "");
    } else if (beginDepth > 0) {
      emit(length, true);
      problem(Code.UNCLOSED_BEGIN_BLOCK, outermostBegin, "");
    } else {
      emit(length, false);
    }
  }

  /**
   * Gives up at an unterminated construct: the rest of the script becomes one unparsed statement.
   */
  private void fail(Code code, int constructStart, String detail) {
    startStatement(constructStart);
    emit(length, true);
    problem(code, constructStart, detail);
  }

  private void emit(int endExclusive, boolean unparsed) {
    int end = endExclusive;
    while (end > statementStart && lexicon.isSpace(sql.charAt(end - 1))) {
      end--;
    }
    if (count++ < maxStatements) {
      Positions.Position at = positions.of(statementStart);
      statements.add(
          new SqlStatement(
              sql.substring(statementStart, end),
              statementStart,
              end,
              at.line(),
              at.column(),
              statementComments,
              unparsed,
              lexicon));
    }
    statementStart = -1;
    statementComments = List.of();
    parenDepth = 0;
    beginDepth = 0;
    wordCount = 0;
    Arrays.fill(headerWords, (char) 0);
  }

  private void problem(Code code, int offset, String detail) {
    Positions.Position at = positions.of(offset);
    problems.add(
        new SplitProblem(
            code,
            offset,
            at.line(),
            at.column(),
            "%s%s starting at line %d, column %d: the rest of the script is one unparsed statement; close it or remove it"
                .formatted(code.description(), detail, at.line(), at.column())));
  }
}
