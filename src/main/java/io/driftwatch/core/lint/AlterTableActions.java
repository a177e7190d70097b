package io.driftwatch.core.lint;

import io.driftwatch.core.sql.MaskedSql;
import io.driftwatch.core.sql.SqlStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An {@code ALTER TABLE} statement cut into its actions ({@code ADD COLUMN ...}, {@code DROP COLUMN
 * ...}) at the commas outside parentheses; each action is masked text (see {@link MaskedSql#mask}),
 * stripped.
 *
 * @param table the table as written, e.g. {@code public."User"}
 */
public record AlterTableActions(String table, List<String> actions) {

  /**
   * An {@code ADD [COLUMN] [IF NOT EXISTS]} action: group 1 is the column (or the first word of a
   * table constraint), group 2 the rest of its definition.
   */
  public static final Pattern ADD_COLUMN =
      Pattern.compile(
          "^ADD\\s+(?:COLUMN\\s+)?(?:IF\\s+NOT\\s+EXISTS\\s+)?(" + MaskedSql.NAME + ")\\s+(.*)$",
          Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

  public AlterTableActions {
    actions = List.copyOf(actions);
  }

  /**
   * The statement as an ALTER TABLE, or empty when it is something else; {@code code} is its masked
   * text ({@link MaskedSql#code}).
   */
  public static Optional<AlterTableActions> of(SqlStatement statement, String code) {
    if (!statement.is("ALTER", "TABLE")) {
      return Optional.empty();
    }
    Matcher head = MaskedSql.ALTER_TABLE.matcher(code);
    if (!head.find()) {
      return Optional.empty();
    }
    return Optional.of(
        new AlterTableActions(MaskedSql.group(head, 1), split(code.substring(head.end()))));
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
