package io.driftwatch.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A statement prints short, however long it is: it ends up in logs and assertion messages. */
class StatementPrintTest {

  @Test
  void a_megabyte_statement_prints_its_line_and_start_only() {
    String values = "(1),".repeat(250_000) + "(1)";
    SqlStatement statement =
        SqlScript.split("SELECT 1;\nINSERT INTO \"t\" VALUES " + values + ";").statements().get(1);

    assertThat(statement.toString())
        .startsWith("SqlStatement[line 2: INSERT INTO \"t\" VALUES (1),(1)")
        .hasSizeLessThan(120);
  }
}
