package io.driftwatch.core.sql;

import static io.driftwatch.core.sql.Split.texts;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * SQL-standard bodies ({@code BEGIN ATOMIC ... END}) hold semicolons that end nothing, and so do
 * parentheses (psql counts both); everything else ends at the first free semicolon.
 */
class RoutineBodyTest {

  @Test
  void begin_atomic_function_body() {
    String function =
        """
        CREATE FUNCTION add_one(i int) RETURNS int
          LANGUAGE sql
          BEGIN ATOMIC
            SELECT i + 1;
          END""";
    assertThat(texts(function + ";\nSELECT 2;")).containsExactly(function, "SELECT 2");
  }

  @Test
  void begin_atomic_procedure_with_case_and_or_replace() {
    String procedure =
        """
        create or replace procedure note(x int)
        begin atomic
          insert into notes values (case when x > 0 then 'pos' else 'neg' end);
          insert into notes values (case x when 1 then 'one' end);
          select case when x = 0 then 1 end;
        end""";
    assertThat(texts(procedure + ";\nSELECT 2")).containsExactly(procedure, "SELECT 2");
  }

  @Test
  void begin_in_other_statements_is_a_word() {
    // only CREATE [OR REPLACE] FUNCTION|PROCEDURE opens a body; BEGIN as a transaction ends at ";"
    assertThat(texts("BEGIN; CREATE TABLE t (\"begin\" int, \"end\" int); COMMIT;"))
        .containsExactly("BEGIN", "CREATE TABLE t (\"begin\" int, \"end\" int)", "COMMIT");
  }

  @Test
  void create_trigger_executing_a_function_is_no_function_definition() {
    assertThat(
            texts(
                "CREATE TRIGGER t BEFORE UPDATE ON x FOR EACH ROW EXECUTE FUNCTION f(); BEGIN; END;"))
        .containsExactly(
            "CREATE TRIGGER t BEFORE UPDATE ON x FOR EACH ROW EXECUTE FUNCTION f()",
            "BEGIN",
            "END");
  }

  @Test
  void plpgsql_function_in_a_dollar_quote_ends_after_its_language() {
    String function =
        """
        CREATE OR REPLACE FUNCTION touch() RETURNS trigger AS $body$
        BEGIN
          NEW."updatedAt" = now();
          RETURN NEW;
        END;
        $body$ LANGUAGE plpgsql""";
    assertThat(
            texts(
                function
                    + ";\nCREATE TRIGGER t BEFORE UPDATE ON x FOR EACH ROW EXECUTE FUNCTION touch();"))
        .hasSize(2)
        .first()
        .isEqualTo(function);
  }

  @Test
  void semicolons_inside_parentheses_end_nothing() {
    // CREATE RULE's multi-action form: psql and the server keep the parenthesized actions together
    String rule =
        "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO log VALUES (1); UPDATE c SET n = n + 1)";
    assertThat(texts(rule + "; SELECT 2")).containsExactly(rule, "SELECT 2");
  }
}
