package io.driftwatch.core.sql;

import static io.driftwatch.core.sql.Split.single;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** keywords(), is(...) and isTransactionControl(): the classifier rules will lean on. */
class StatementKeywordsTest {

  @Test
  void keywords_skip_comments_and_stop_at_the_first_non_word() {
    assertThat(
            single("create /* why */ unique\n-- really\nindex concurrently \"i\" on t (a)")
                .keywords())
        .containsExactly("CREATE", "UNIQUE", "INDEX", "CONCURRENTLY");
  }

  @Test
  void keywords_are_capped() {
    assertThat(single("CREATE INDEX CONCURRENTLY IF NOT EXISTS i ON t (a)").keywords())
        .containsExactly("CREATE", "INDEX", "CONCURRENTLY", "IF", "NOT", "EXISTS");
  }

  @Test
  void a_string_prefix_is_not_a_keyword() {
    assertThat(single("SELECT E'x'").keywords()).containsExactly("SELECT");
    assertThat(single("SELECT'x'").keywords()).containsExactly("SELECT");
    assertThat(single("DROP TABLE U&\"t\"").keywords()).containsExactly("DROP", "TABLE");
  }

  @Test
  void is_matches_a_prefix_in_any_case() {
    SqlStatement statement = single("alter table \"User\" add column x int");
    assertThat(statement.is("ALTER", "TABLE")).isTrue();
    assertThat(statement.is("alter")).isTrue();
    assertThat(statement.is("ALTER", "TYPE")).isFalse();
    assertThat(statement.is("ALTER", "TABLE", "x", "y")).isFalse();
    assertThat(statement.is()).isFalse();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "BEGIN",
        "begin transaction isolation level serializable",
        "BEGIN WORK",
        "START TRANSACTION",
        "COMMIT",
        "COMMIT AND CHAIN",
        "END",
        "ROLLBACK",
        "ROLLBACK TO SAVEPOINT s",
        "ABORT",
        "SAVEPOINT s",
        "RELEASE SAVEPOINT s",
        "PREPARE TRANSACTION 'tx'",
        "COMMIT PREPARED 'tx'",
        "/* c */ COMMIT"
      })
  void transaction_control(String sql) {
    assertThat(single(sql).isTransactionControl()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "DO $$ BEGIN PERFORM 1; END $$",
        "CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END",
        "PREPARE p AS SELECT 1",
        "START_TRANSACTION",
        "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE",
        "SELECT 1",
        "\"BEGIN\""
      })
  void not_transaction_control(String sql) {
    assertThat(single(sql).isTransactionControl()).isFalse();
  }
}
