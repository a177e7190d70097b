package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ExplicitTransactionRuleTest {

  private final ExplicitTransactionRule rule = new ExplicitTransactionRule();

  @Test
  void explicit_transaction_ok_do_block_and_function_body() {
    assertThat(
            LintCheck.run(
                rule,
                """
        DO $$ BEGIN ALTER TYPE "Role" ADD VALUE 'X'; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
        CREATE FUNCTION f() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END;
        """))
        .isEmpty();
  }

  @Test
  void explicit_transaction_err_one_finding_listing_every_line() {
    assertThat(LintCheck.run(rule, "BEGIN;\nALTER TABLE \"User\" ADD COLUMN \"a\" TEXT;\nCOMMIT;"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .startsWith("Line 1:")
                    .contains("line 1 `BEGIN`", "line 3 `COMMIT`"));
  }

  @Test
  void explicit_transaction_err_prisma_enum_change_block() {
    assertThat(
            LintCheck.run(
                rule,
                """
        -- AlterEnum
        BEGIN;
        CREATE TYPE "Role_new" AS ENUM ('USER');
        ALTER TYPE "Role" RENAME TO "Role_old";
        ALTER TYPE "Role_new" RENAME TO "Role";
        DROP TYPE "Role_old";
        COMMIT;

        -- AlterTable
        ALTER TABLE "User" ADD COLUMN "a" TEXT;
        """))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).startsWith("Line 2:").contains("line 7 `COMMIT`"))
        .satisfies(f -> assertThat(f.help()).contains("enum change"));
  }
}
