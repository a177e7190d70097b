package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DropTypeRuleTest {

  private final DropTypeRule rule = new DropTypeRule();

  @Test
  void drop_type_ok_adding_an_enum_value() {
    assertThat(
            LintCheck.run(
                rule,
                "ALTER TYPE \"Role\" ADD VALUE 'GUEST';\nCREATE TYPE \"Mood\" AS ENUM ('OK');"))
        .isEmpty();
  }

  @Test
  void drop_type_err_prisma_enum_value_removal() {
    assertThat(
            LintCheck.run(
                rule,
                """
        -- AlterEnum
        BEGIN;
        CREATE TYPE "Role_new" AS ENUM ('USER', 'ADMIN');
        ALTER TABLE "User" ALTER COLUMN "role" DROP DEFAULT;
        ALTER TABLE "User" ALTER COLUMN "role" TYPE "Role_new" USING ("role"::text::"Role_new");
        ALTER TYPE "Role" RENAME TO "Role_old";
        ALTER TYPE "Role_new" RENAME TO "Role";
        DROP TYPE "Role_old";
        ALTER TABLE "User" ALTER COLUMN "role" SET DEFAULT 'USER';
        COMMIT;
        """))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).startsWith("Line 8 ends recreating enum \"Role\""))
        .satisfies(f -> assertThat(f.help()).contains("SELECT DISTINCT"));
  }

  @Test
  void drop_type_err_plain_drop() {
    assertThat(LintCheck.run(rule, "DROP TYPE IF EXISTS \"Mood\" CASCADE;"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).startsWith("Line 1 drops type \"Mood\""));
  }
}
