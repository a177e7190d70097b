package io.driftwatch.core.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Migration names in the help lines: Prisma names in snake_case. */
class CoverageHelpTest {

  @Test
  void slug_is_snake_case_of_the_prisma_names() {
    assertThat(CoverageHelp.slug("User")).isEqualTo("add_user");
    assertThat(CoverageHelp.slug("UserProfile")).isEqualTo("add_user_profile");
    assertThat(CoverageHelp.slug("HTTPLog", "createdAt")).isEqualTo("add_http_log_created_at");
    assertThat(CoverageHelp.slug("Role", "GUEST")).isEqualTo("add_role_guest");
    assertThat(CoverageHelp.slug("CategoryToPost")).isEqualTo("add_category_to_post");
    assertThat(CoverageHelp.slug("order_line", "v2Total")).isEqualTo("add_order_line_v2_total");
  }

  @Test
  void catch_up_writes_the_migration_then_marks_it_applied() {
    String help = CoverageHelp.migration(CoverageStatus.LIVE_ONLY, "add_user");

    assertThat(help.indexOf("migrate diff")).isLessThan(help.indexOf("migrate resolve --applied"));
    assertThat(help).contains("--shadow-database-url").doesNotContain("migrate deploy");
  }
}
