package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BlockingIndexBuildRuleTest {

  private final BlockingIndexBuildRule rule = new BlockingIndexBuildRule();

  @Test
  void blocking_index_ok_concurrently_new_table_or_small_table() {
    assertThat(
            LintCheck.run(
                rule, "CREATE INDEX CONCURRENTLY \"Post_title_idx\" ON \"Post\"(\"title\");"))
        .isEmpty();
    assertThat(
            LintCheck.run(
                rule,
                """
        CREATE TABLE "Tag" ("id" INTEGER, "name" TEXT);
        CREATE UNIQUE INDEX "Tag_name_key" ON "Tag"("name");
        CREATE INDEX "Small_idx" ON "Small"("id");
        """,
                Map.of("Small", 10_000L)))
        .isEmpty();
  }

  @Test
  void blocking_index_err_big_table() {
    assertThat(
            LintCheck.run(
                rule,
                "-- CreateIndex\nCREATE UNIQUE INDEX \"User_email_key\" ON \"User\"(\"email\");",
                Map.of("User", 2_000_000L)))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .startsWith("Line 2 builds an index on \"User\" (about 2,000,000 rows)"))
        .satisfies(
            f ->
                assertThat(f.help())
                    .contains(
                        "CREATE UNIQUE INDEX CONCURRENTLY \"User_email_key\" ON \"User\"(\"email\");")
                    .contains("migration of its own"));
  }

  @Test
  void blocking_index_err_unknown_size() {
    assertThat(LintCheck.run(rule, "create index on public.users (email)"))
        .singleElement()
        .satisfies(f -> assertThat(f.message()).contains("public.users (of unknown size)"));
  }
}
