package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class VolatileDefaultRuleTest {

  private final VolatileDefaultRule rule = new VolatileDefaultRule();

  @Test
  void volatile_default_ok_constant_and_stable_defaults_are_free() {
    assertThat(
            LintCheck.run(
                rule,
                """
        ALTER TABLE "User" ADD COLUMN "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
        ALTER TABLE "User" ADD COLUMN "seenAt" TIMESTAMPTZ DEFAULT now();
        ALTER TABLE "User" ADD COLUMN "note" TEXT DEFAULT 'random()';
        """))
        .isEmpty();
  }

  @Test
  void volatile_default_ok_new_table() {
    assertThat(
            LintCheck.run(
                rule,
                """
        CREATE TABLE "Tag" ("name" TEXT);
        ALTER TABLE "Tag" ADD COLUMN "id" UUID NOT NULL DEFAULT gen_random_uuid();
        """))
        .isEmpty();
  }

  @Test
  void volatile_default_err_uuid_and_serial() {
    assertThat(
            LintCheck.run(
                rule,
                """
        ALTER TABLE "User" ADD COLUMN "uid" UUID NOT NULL DEFAULT gen_random_uuid(), ADD COLUMN "n" BIGSERIAL;
        """,
                Map.of("User", 1_000L)))
        .satisfiesExactly(
            f ->
                assertThat(f.message())
                    .startsWith(
                        "Line 1 adds \"User\".\"uid\" with the volatile default gen_random_uuid()"),
            f -> assertThat(f.message()).contains("\"User\".\"n\"", "BIGSERIAL"));
  }

  @Test
  void volatile_default_err_found_after_a_hundred_thousand_defaults_in_one_pass() {
    // DEFAULT.*?call scanned to the end from each DEFAULT: quadratic; the call is now looked for
    // once, after the first.
    String defaults = "DEFAULT ".repeat(100_000);
    assertThat(
            LintCheck.run(
                rule,
                "ALTER TABLE \"User\" ADD COLUMN \"k\" UUID " + defaults + "gen_random_uuid();"))
        .singleElement()
        .satisfies(finding -> assertThat(finding.message()).contains("gen_random_uuid()"));
    assertThat(LintCheck.run(rule, "ALTER TABLE \"User\" ADD COLUMN \"k\" UUID " + defaults + "1;"))
        .isEmpty();
  }
}
