package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MissingLockTimeoutRuleTest {

  private final MissingLockTimeoutRule rule = new MissingLockTimeoutRule();

  @Test
  void lock_timeout_ok_set_at_the_top() {
    assertThat(
            LintCheck.run(
                rule,
                """
        SET lock_timeout = '5s';
        ALTER TABLE "User" ADD COLUMN "a" TEXT;
        """))
        .isEmpty();
    assertThat(
            LintCheck.run(
                rule,
                """
        SELECT set_config('lock_timeout', '5s', true);
        ALTER TABLE "User" ADD COLUMN "a" TEXT;
        """))
        .isEmpty();
  }

  @Test
  void lock_timeout_ok_new_or_empty_tables() {
    assertThat(
            LintCheck.run(
                rule,
                """
        CREATE TABLE "Post" ("id" INTEGER, "authorId" INTEGER);
        ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "User"("id");
        ALTER TABLE "Empty" ADD COLUMN "a" TEXT;
        """,
                Map.of("Empty", 0L)))
        .isEmpty();
  }

  @Test
  void lock_timeout_err_once_at_the_first_alter() {
    assertThat(
            LintCheck.run(
                rule,
                """
        -- AlterTable
        ALTER TABLE "User" ADD COLUMN "a" TEXT;
        SET lock_timeout = '5s';
        ALTER TABLE "Post" ADD COLUMN "b" TEXT;
        """))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).startsWith("Line 2 alters \"User\""))
        .satisfies(f -> assertThat(f.help()).contains("SET lock_timeout = '5s';"));
  }
}
