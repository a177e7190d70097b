package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.finding.Severity;
import org.junit.jupiter.api.Test;

class ConcurrentlyInTransactionRuleTest {

  private final ConcurrentlyInTransactionRule rule = new ConcurrentlyInTransactionRule();

  @Test
  void concurrently_ok_lone_statement_is_not_wrapped() {
    assertThat(
            LintCheck.run(
                rule,
                "-- CreateIndex\nCREATE INDEX CONCURRENTLY \"Post_title_idx\" ON \"Post\"(\"title\");\n"))
        .isEmpty();
  }

  @Test
  void concurrently_ok_word_in_a_string_or_comment() {
    assertThat(
            LintCheck.run(
                rule,
                """
        CREATE INDEX "a" ON "Post"("title"); -- not CONCURRENTLY: the table is tiny
        COMMENT ON TABLE "Post" IS 'built CONCURRENTLY';
        CREATE TABLE "Job" ("concurrently" BOOLEAN);
        """))
        .isEmpty();
  }

  @Test
  void concurrently_err_next_to_other_statements() {
    assertThat(
            LintCheck.run(
                rule,
                """
        ALTER TABLE "Post" ADD COLUMN "slug" TEXT;
        CREATE UNIQUE INDEX CONCURRENTLY "Post_slug_key" ON "Post"("slug");
        """))
        .singleElement()
        .satisfies(f -> assertThat(f.severity()).isEqualTo(Severity.CRITICAL))
        .satisfies(f -> assertThat(f.message()).startsWith("Line 2").contains("25001"))
        .satisfies(f -> assertThat(f.help()).contains("migration of its own"));
  }

  @Test
  void concurrently_err_drop_index() {
    assertThat(
            LintCheck.run(
                rule, "SET lock_timeout = '5s';\nDROP INDEX CONCURRENTLY \"Post_slug_key\";"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("DROP INDEX CONCURRENTLY"));
  }
}
