package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UnparsedScriptRuleTest {

  private final UnparsedScriptRule rule = new UnparsedScriptRule();

  @Test
  void unparsed_ok_clean_script() {
    assertThat(LintCheck.run(rule, "ALTER TABLE \"User\" ADD COLUMN \"a\" TEXT DEFAULT 'it''s';"))
        .isEmpty();
  }

  @Test
  void unparsed_err_unterminated_string() {
    assertThat(
            LintCheck.run(
                rule,
                "ALTER TABLE \"User\" ADD COLUMN \"a\" TEXT;\nUPDATE \"User\" SET \"a\" = 'oops;\n"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .startsWith("Line 2, column ")
                    .contains("unterminated quoted string"));
  }
}
