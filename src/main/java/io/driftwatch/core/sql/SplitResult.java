package io.driftwatch.core.sql;

import java.util.List;

/**
 * The statements of a script, in order, and what could not be read. When {@code problems} is not
 * empty the last statement is {@link SqlStatement#unparsed() unparsed}: it runs from where the
 * splitter lost track to the end of the script.
 *
 * @param count the statements of the script: more than {@code statements} holds when the split kept
 *     only the first ones ({@link SqlScript#split(String, int)})
 */
public record SplitResult(List<SqlStatement> statements, List<SplitProblem> problems, int count) {

  public SplitResult {
    statements = List.copyOf(statements);
    problems = List.copyOf(problems);
  }

  public SplitResult(List<SqlStatement> statements, List<SplitProblem> problems) {
    this(statements, problems, statements.size());
  }

  /** True when every statement was delimited with certainty. */
  public boolean isClean() {
    return problems.isEmpty();
  }

  /** True when every statement of the script was kept. */
  public boolean isWhole() {
    return statements.size() == count;
  }
}
