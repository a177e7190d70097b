package io.driftwatch.core.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Joins back what a split at every {@code ;} cut apart on MySQL: the body of a trigger, procedure,
 * function or event written as a compound statement ({@code BEGIN ... END}), whose inner statements
 * end with {@code ;} too. The server parses such a body whole (as it does when Prisma's engine
 * sends the script); sent piece by piece it is a syntax error.
 *
 * <p>Depth counts the words that open a block and end with a bare {@code END}: {@code BEGIN} and
 * {@code CASE} (a CASE statement ends with {@code END CASE}, a CASE expression with {@code END});
 * {@code END IF}, {@code END LOOP}, {@code END WHILE} and {@code END REPEAT} close blocks whose
 * openers are not counted. A statement whose depth never returns to zero is kept as far as the
 * script goes, as the server would read it.
 *
 * <p>Written by hand: it reads the tokens {@link SqlTokens} gives with MySQL's lexicon, so names,
 * strings and comments holding these words do not count.
 */
public final class MySqlCompoundStatements {

  private MySqlCompoundStatements() {}

  /** The statements of {@code script} as split, each compound body joined into one. */
  public static List<SqlStatement> join(String script, List<SqlStatement> statements) {
    List<SqlStatement> joined = new ArrayList<>(statements.size());
    int i = 0;
    while (i < statements.size()) {
      SqlStatement first = statements.get(i);
      int depth = createsRoutine(first) ? depth(first) : 0;
      int last = i;
      while (depth > 0 && last + 1 < statements.size()) {
        last++;
        depth += depth(statements.get(last));
      }
      if (last == i) {
        joined.add(first);
      } else {
        SqlStatement end = statements.get(last);
        joined.add(
            new SqlStatement(
                script.substring(first.start(), end.end()),
                first.start(),
                end.end(),
                first.line(),
                first.column(),
                first.leadingComments(),
                end.unparsed(),
                first.lexicon()));
      }
      i = last + 1;
    }
    return joined;
  }

  /**
   * {@code CREATE [DEFINER = ...] TRIGGER | PROCEDURE | FUNCTION | EVENT}: only a routine's body is
   * a compound statement (a lone {@code BEGIN} starts a transaction).
   */
  static boolean createsRoutine(SqlStatement statement) {
    List<SqlToken> tokens = SqlTokens.of(statement.text(), MySqlLexicon.INSTANCE);
    if (tokens.isEmpty() || !tokens.get(0).isWord("CREATE")) {
      return false;
    }
    for (SqlToken token : tokens) {
      if (token.isWord("BEGIN")) {
        return false;
      }
      if (token.isWord("TRIGGER")
          || token.isWord("PROCEDURE")
          || token.isWord("FUNCTION")
          || token.isWord("EVENT")) {
        return true;
      }
    }
    return false;
  }

  /** How many blocks the statement opens, less those it closes. */
  static int depth(SqlStatement statement) {
    List<SqlToken> tokens = SqlTokens.of(statement.text(), MySqlLexicon.INSTANCE);
    int depth = 0;
    for (int k = 0; k < tokens.size(); k++) {
      SqlToken token = tokens.get(k);
      if (token.isWord("BEGIN") || token.isWord("CASE")) {
        depth++;
      } else if (token.isWord("END")) {
        SqlToken next = k + 1 < tokens.size() ? tokens.get(k + 1) : null;
        boolean closesOther =
            next != null
                && (next.isWord("IF")
                    || next.isWord("LOOP")
                    || next.isWord("WHILE")
                    || next.isWord("REPEAT"));
        if (!closesOther) {
          depth--;
        }
      }
    }
    return depth;
  }
}
