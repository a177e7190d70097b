package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ConstraintWithoutNotValidRuleTest {

  private final ConstraintWithoutNotValidRule rule = new ConstraintWithoutNotValidRule();

  @Test
  void not_valid_ok_prisma_foreign_key_of_a_new_table() {
    assertThat(
            LintCheck.run(
                rule,
                """
        -- CreateTable
        CREATE TABLE "Post" ("id" SERIAL NOT NULL, "authorId" INTEGER NOT NULL);

        -- AddForeignKey
        ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
        """))
        .isEmpty();
  }

  @Test
  void not_valid_ok_not_valid_then_validate_or_unique() {
    assertThat(
            LintCheck.run(
                rule,
                """
        ALTER TABLE "Comment" ADD CONSTRAINT "c_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") NOT VALID;
        ALTER TABLE "Comment" VALIDATE CONSTRAINT "c_fkey";
        ALTER TABLE "Comment" ADD CONSTRAINT "c_key" UNIQUE ("slug");
        """))
        .isEmpty();
  }

  @Test
  void not_valid_err_foreign_key_on_existing_table() {
    assertThat(
            LintCheck.run(
                rule,
                """
        -- AddForeignKey
        ALTER TABLE "Comment" ADD CONSTRAINT "Comment_postId_fkey" FOREIGN KEY ("postId") REFERENCES "Post"("id") ON DELETE CASCADE ON UPDATE CASCADE;
        """,
                Map.of("Comment", 400L)))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .startsWith(
                        "Line 2 adds foreign key \"Comment_postId_fkey\" to \"Comment\" (about 400 rows)")
                    .contains("referenced table"))
        .satisfies(
            f ->
                assertThat(f.help())
                    .contains("NOT VALID;", "VALIDATE CONSTRAINT \"Comment_postId_fkey\";"));
  }

  @Test
  void not_valid_err_check() {
    assertThat(LintCheck.run(rule, "ALTER TABLE orders ADD CHECK (total >= 0);"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("adds check the constraint to orders"));
  }
}
