package io.driftwatch.core.sql;

import java.util.List;

/**
 * The statements of a script, in order, and what could not be read. When {@code problems} is not
 * empty the last statement is {@link SqlStatement#unparsed() unparsed}: it runs from where the
 * splitter lost track to the end of the script.
 */
public record SplitResult(List<SqlStatement> statements, List<SplitProblem> problems) {

  public SplitResult {
    statements = List.copyOf(statements);
    problems = List.copyOf(problems);
  }

  /** True when every statement was delimited with certainty. */
  public boolean isClean() {
    return problems.isEmpty();
  }
}
