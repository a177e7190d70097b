package io.driftwatch.core.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A routine's BEGIN ... END body is one statement, as MySQL parses it. */
class MySqlCompoundStatementsTest {

  private static List<String> statements(String sql) {
    return SqlScript.split(sql, 1000, MySqlLexicon.INSTANCE).statements().stream()
        .map(SqlStatement::text)
        .toList();
  }

  @Test
  void a_trigger_body_with_nested_blocks_and_case_stays_whole() {
    String trigger =
        "CREATE DEFINER = CURRENT_USER TRIGGER `t` BEFORE INSERT ON `Post` FOR EACH ROW BEGIN\n"
            + "  IF NEW.`title` = '' THEN SET NEW.`title` = 'untitled'; END IF;\n"
            + "  SET NEW.`kind` = CASE WHEN NEW.`x` > 0 THEN 'a' ELSE 'b' END;\n"
            + "  inner_block: BEGIN SET @n = 1; END inner_block;\n"
            + "END";
    assertThat(statements("CREATE TABLE `Post` (`id` INT);\n" + trigger + ";\nSELECT 1;"))
        .containsExactly("CREATE TABLE `Post` (`id` INT)", trigger, "SELECT 1");
  }

  @Test
  void a_lone_begin_is_a_transaction_and_words_in_strings_do_not_count() {
    assertThat(statements("BEGIN; INSERT INTO t VALUES ('BEGIN'); COMMIT;"))
        .containsExactly("BEGIN", "INSERT INTO t VALUES ('BEGIN')", "COMMIT");
    assertThat(statements("CREATE PROCEDURE `p`() BEGIN SELECT 'END'; SELECT 2; END; SELECT 3;"))
        .containsExactly("CREATE PROCEDURE `p`() BEGIN SELECT 'END'; SELECT 2; END", "SELECT 3");
  }
}
