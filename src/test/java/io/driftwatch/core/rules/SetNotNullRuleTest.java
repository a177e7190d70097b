package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SetNotNullRuleTest {

  private final SetNotNullRule rule = new SetNotNullRule();

  @Test
  void set_not_null_ok_drop_not_null_and_empty_table() {
    assertThat(
            LintCheck.run(
                rule,
                """
        ALTER TABLE "User" ALTER COLUMN "name" DROP NOT NULL;
        ALTER TABLE "Empty" ALTER COLUMN "name" SET NOT NULL;
        """,
                Map.of("Empty", 0L)))
        .isEmpty();
  }

  @Test
  void set_not_null_err_names_the_check_constraint_steps() {
    assertThat(
            LintCheck.run(
                rule,
                "ALTER TABLE \"User\" ALTER COLUMN \"name\" SET NOT NULL;",
                Map.of("User", 50_000L)))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .startsWith("Line 1 sets \"User\".\"name\" NOT NULL (about 50,000 rows)"))
        .satisfies(
            f ->
                assertThat(f.help())
                    .contains(
                        "ADD CONSTRAINT \"User_name_not_null\" CHECK (\"name\" IS NOT NULL) NOT VALID",
                        "VALIDATE CONSTRAINT \"User_name_not_null\"",
                        "SET NOT NULL"));
  }
}
