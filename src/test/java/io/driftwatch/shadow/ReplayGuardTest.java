package io.driftwatch.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplayGuardTest {

  private static final long LIMIT = 1_048_576;

  @Test
  void a_prisma_migration_with_banners_comments_and_dollar_quotes_is_sent() {
    String script =
        ("-- "
                + "=".repeat(117)
                + "\n"
                + "/* ---------------------------------------------------------------------------------------------- */\n"
                + "CREATE TABLE \"User\" (\"id\" SERIAL PRIMARY KEY, \"n\" INT CHECK (\"n\" >= 0 AND \"n\" <> 42));\n"
                + "DO $$ BEGIN IF 1 <= 2 THEN RAISE NOTICE '-->'; END IF; END $$;\n")
            .repeat(500);
    assertThat(ReplayGuard.refusal(script, LIMIT)).isEmpty();
  }

  @Test
  void a_long_run_of_operator_characters_is_refused_with_where_it_is() {
    String script = "SELECT 1;\nSELECT 1 " + "+".repeat(10_000) + " 1;\n";
    assertThat(ReplayGuard.refusal(script, LIMIT))
        .hasValueSatisfying(
            reason -> assertThat(reason).contains("10,000 at line 2").contains("lexer"));
  }

  @Test
  void nested_comment_starts_are_operator_characters_too() {
    assertThat(ReplayGuard.refusal("/*".repeat(524_288), 2 * LIMIT)).isPresent();
  }

  @Test
  void many_runs_that_add_up_are_refused_though_none_is_long() {
    // 2,000 runs of 200: each is harmless, together they cost 80,000,000 > the budget.
    assertThat(ReplayGuard.refusal(("SELECT 1 " + "*".repeat(200) + " 1;\n").repeat(2_000), LIMIT))
        .isPresent();
  }

  @Test
  void a_script_over_the_size_limit_is_refused_in_bytes_not_characters() {
    String script = "SELECT 'é';\n".repeat(100); // 13 bytes a line
    assertThat(ReplayGuard.refusal(script, 1_299))
        .hasValueSatisfying(
            reason ->
                assertThat(reason)
                    .isEqualTo(
                        "it is 1,300 bytes, over the replay limit of 1,299 "
                            + "(driftwatch.shadow.max-script-bytes)"));
    assertThat(ReplayGuard.refusal(script, 1_300)).isEmpty();
  }
}
