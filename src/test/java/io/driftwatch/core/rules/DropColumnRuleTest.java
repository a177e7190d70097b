package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.finding.Severity;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DropColumnRuleTest {

  private final DropColumnRule rule = new DropColumnRule();

  @Test
  void drop_column_ok_constraints_defaults_and_not_null_are_not_columns() {
    assertThat(
            LintCheck.run(
                rule,
                """
        ALTER TABLE "Post" DROP CONSTRAINT "Post_authorId_fkey";
        ALTER TABLE "Post" ALTER COLUMN "title" DROP DEFAULT, ALTER COLUMN "title" DROP NOT NULL;
        ALTER TABLE "Post" ADD COLUMN "note" TEXT DEFAULT 'DROP COLUMN x';
        """))
        .isEmpty();
  }

  @Test
  void drop_column_err_as_prisma_writes_it() {
    assertThat(
            LintCheck.run(
                rule,
                """
        /*
          Warnings:

          - You are about to drop the column `bio` on the `User` table. All the data in the column will be lost.

        */
        -- AlterTable
        ALTER TABLE "User" DROP COLUMN "bio",
        DROP COLUMN age;
        """,
                Map.of("User", 5L)))
        .hasSize(2)
        .allSatisfy(f -> assertThat(f.severity()).isEqualTo(Severity.ERROR))
        .satisfiesExactly(
            f -> {
              assertThat(f.message()).startsWith("Line 8 drops column \"User\".\"bio\"");
              assertThat(f.line()).as("the line annotations point at").isEqualTo(8);
            },
            f -> assertThat(f.message()).contains("\"User\".age"));
  }
}
