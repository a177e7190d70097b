package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RenameRuleTest {

  private final RenameRule rule = new RenameRule();

  @Test
  void rename_ok_constraint_and_index_renames() {
    assertThat(
            LintCheck.run(
                rule,
                """
        ALTER TABLE "User" RENAME CONSTRAINT "User_pkey" TO "Account_pkey";
        ALTER INDEX "User_email_key" RENAME TO "Account_email_key";
        """))
        .isEmpty();
  }

  @Test
  void rename_err_column() {
    assertThat(
            LintCheck.run(
                rule,
                "-- AlterTable\nALTER TABLE \"User\" RENAME COLUMN \"name\" TO \"fullName\";"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .startsWith("Line 2 renames column \"User\".\"name\" to \"fullName\""))
        .satisfies(f -> assertThat(f.help()).contains("@map(\"name\")"));
  }

  @Test
  void rename_err_table() {
    assertThat(LintCheck.run(rule, "ALTER TABLE \"User\" RENAME TO \"Account\";"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("renames table \"User\" to \"Account\""))
        .satisfies(f -> assertThat(f.help()).contains("@@map(\"User\")"));
  }
}
