package io.driftwatch.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

/** Test helpers: split and look at the statement texts of a script that must split cleanly. */
final class Split {

  private Split() {}

  /** The statement texts; fails, showing the problems, if the script did not split cleanly. */
  static List<String> texts(String sql) {
    SplitResult result = SqlScript.split(sql);
    assertThat(result.problems())
        .as("problems splitting a script expected to split cleanly:%n%s", sql)
        .isEmpty();
    return result.statements().stream().map(SqlStatement::text).toList();
  }

  /** The only statement of a script expected to hold exactly one. */
  static SqlStatement single(String sql) {
    SplitResult result = SqlScript.split(sql);
    assertThat(result.problems()).as("problems in%n%s", sql).isEmpty();
    assertThat(result.statements()).as("statements of%n%s", sql).hasSize(1);
    return result.statements().get(0);
  }
}
