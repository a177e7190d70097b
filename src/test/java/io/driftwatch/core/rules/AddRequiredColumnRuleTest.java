package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.finding.Severity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AddRequiredColumnRuleTest {

  private final AddRequiredColumnRule rule = new AddRequiredColumnRule();

  private static final String PRISMA =
      """
      /*
        Warnings:

        - Added the required column `name` to the `User` table without a default value. This is not possible if the table is not empty.

      */
      -- AlterTable
      ALTER TABLE "User" ADD COLUMN     "name" TEXT NOT NULL;
      """;

  @Test
  void add_required_column_ok_with_default_nullable_serial_or_generated() {
    assertThat(
            LintCheck.run(
                rule,
                """
        ALTER TABLE "User" ADD COLUMN "a" TEXT NOT NULL DEFAULT 'x';
        ALTER TABLE "User" ADD COLUMN "b" TEXT;
        ALTER TABLE "User" ADD COLUMN "c" SERIAL NOT NULL;
        ALTER TABLE "User" ADD COLUMN "d" INTEGER NOT NULL GENERATED ALWAYS AS IDENTITY;
        ALTER TABLE "User" ADD CONSTRAINT "User_email_key" UNIQUE ("email");
        ALTER TABLE "User" ADD COLUMN "e" TEXT CHECK ("e" <> 'NOT NULL');
        """))
        .isEmpty();
  }

  @Test
  void add_required_column_ok_on_an_empty_table() {
    assertThat(LintCheck.run(rule, PRISMA, Map.of("User", 0L))).isEmpty();
  }

  @Test
  void add_required_column_err_error_when_the_table_has_rows() {
    assertThat(LintCheck.run(rule, PRISMA, Map.of("User", 3L)))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR))
        .satisfies(
            f ->
                assertThat(f.message())
                    .startsWith("Line 8 adds \"User\".\"name\" NOT NULL without a default"))
        .satisfies(f -> assertThat(f.help()).contains("DEFAULT"));
  }

  @Test
  void add_required_column_err_warning_when_the_size_is_unknown() {
    assertThat(LintCheck.run(rule, PRISMA))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.WARNING))
        .satisfies(f -> assertThat(f.message()).contains("unknown size"));
  }

  @Test
  void add_required_column_err_numeric_precision_does_not_split_the_action() {
    assertThat(
            LintCheck.run(
                rule,
                "ALTER TABLE orders ADD COLUMN total NUMERIC(10, 2) NOT NULL, ADD COLUMN note TEXT;",
                Map.of("orders", 10L)))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("orders.total"));
  }
}
