package io.driftwatch.core.rules.support;

import io.driftwatch.core.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;

/**
 * An {@code ALTER TABLE} statement cut into its actions ({@code ADD COLUMN ...}, {@code DROP COLUMN
 * ...}) at the commas outside parentheses; each action is masked text (see {@link SqlCode#mask}),
 * stripped.
 *
 * @param table the table as written, e.g. {@code public."User"}
 */
public record AlterTable(String table, List<String> actions) {

  /**
   * An {@code ADD [COLUMN] [IF NOT EXISTS]} action: group 1 is the column (or the first word of a
   * table constraint), group 2 the rest of its definition.
   */
  public static final java.util.regex.Pattern ADD_COLUMN =
      java.util.regex.Pattern.compile(
          "^ADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + SqlCode.NAME + ")\\s+(.*)$",
          java.util.regex.Pattern.CASE_INSENSITIVE | java.util.regex.Pattern.DOTALL);

  public AlterTable {
    actions = List.copyOf(actions);
  }

  /** The statement as an ALTER TABLE, or empty when it is something else. */
  public static Optional<AlterTable> of(SqlStatement statement) {
    if (!statement.is("ALTER", "TABLE")) {
      return Optional.empty();
    }
    return of(statement, SqlCode.code(statement));
  }

  /**
   * {@link #of(SqlStatement)} with the statement's masked text already made ({@link SqlCode#code}).
   */
  public static Optional<AlterTable> of(SqlStatement statement, String code) {
    if (!statement.is("ALTER", "TABLE")) {
      return Optional.empty();
    }
    Matcher head = SqlCode.ALTER_TABLE.matcher(code);
    if (!head.find()) {
      return Optional.empty();
    }
    return Optional.of(new AlterTable(SqlCode.group(head, 1), split(code.substring(head.end()))));
  }

  private static List<String> split(String rest) {
    List<String> actions = new ArrayList<>();
    int depth = 0;
    int start = 0;
    for (int i = 0; i < rest.length(); i++) {
      char c = rest.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth = Math.max(0, depth - 1);
      } else if (c == '"') {
        int close = rest.indexOf('"', i + 1);
        i = close < 0 ? rest.length() : close;
      } else if (c == ',' && depth == 0) {
        actions.add(rest.substring(start, i).strip());
        start = i + 1;
      }
    }
    actions.add(rest.substring(start).strip());
    actions.removeIf(String::isEmpty);
    return actions;
  }
}
