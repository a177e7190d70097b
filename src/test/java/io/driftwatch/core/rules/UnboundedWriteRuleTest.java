package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class UnboundedWriteRuleTest {

  private final UnboundedWriteRule rule = new UnboundedWriteRule();

  @Test
  void unbounded_write_ok_with_where() {
    assertThat(
            LintCheck.run(
                rule,
                """
        UPDATE "User" SET "role" = 'ADMIN' WHERE "email" = 'a@b.c';
        DELETE FROM "Session" WHERE "expiresAt" < now();
        """))
        .isEmpty();
  }

  @Test
  void unbounded_write_err_where_only_in_a_string_does_not_count() {
    assertThat(LintCheck.run(rule, "UPDATE \"User\" SET \"note\" = 'WHERE is it';"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).startsWith("Line 1 updates every row of \"User\""));
  }

  @Test
  void unbounded_write_err_a_column_named_where_is_not_a_where_clause() {
    assertThat(LintCheck.run(rule, "UPDATE \"Place\" SET \"where\" = 'home';")).hasSize(1);
  }

  @Test
  void unbounded_write_err_backfill_and_delete() {
    assertThat(
            LintCheck.run(
                rule,
                """
        -- backfill
        UPDATE "User" SET "name" = '';
        DELETE FROM public."Session";
        """,
                Map.of("User", 7L)))
        .satisfiesExactly(
            f ->
                assertThat(f.message())
                    .startsWith("Line 2 updates every row of \"User\" (about 7 rows)"),
            f ->
                assertThat(f.message())
                    .startsWith("Line 3 deletes every row of public.\"Session\""));
  }
}
