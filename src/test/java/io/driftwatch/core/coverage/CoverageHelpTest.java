package io.driftwatch.core.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.prisma.ProjectPaths;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
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
  void slug_says_what_the_patterns_it_replaced_said_on_random_names() {
    Random random = new Random(13);
    String alphabet = "aBcDzZ09_-. éQ";
    for (int n = 0; n < 20_000; n++) {
      StringBuilder name = new StringBuilder();
      for (int i = random.nextInt(12); i > 0; i--) {
        name.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertThat(CoverageHelp.slug(name.toString()))
          .as("slug of `%s`", name)
          .isEqualTo(patternSlug(name.toString()));
    }
  }

  @Test
  void slug_of_a_megabyte_of_capitals_is_read_once() {
    // The pattern ([A-Z]+)([A-Z][a-z]) backtracked over the run from each of its letters: hours on
    // this name.
    String name = "A".repeat(1 << 20) + "b";

    assertThat(CoverageHelp.slug(name)).hasSize("add_".length() + (1 << 20) + 2).endsWith("a_ab");
  }

  /** The slug as the regular expressions the hand scan replaced wrote it. */
  private static String patternSlug(String name) {
    String snake =
        name.replaceAll("([a-z0-9])([A-Z])", "$1_$2")
            .replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2")
            .replaceAll("[^A-Za-z0-9]+", "_")
            .toLowerCase(Locale.ROOT)
            .replaceAll("^_+|_+$", "");
    return ("add_" + snake).replaceAll("_+", "_").replaceAll("_$", "");
  }

  @Test
  void catch_up_writes_the_migration_then_marks_it_applied() {
    String help =
        new CoverageHelp(ProjectPaths.DEFAULT).migration(CoverageStatus.LIVE_ONLY, "add_user");

    assertThat(help.indexOf("migrate diff")).isLessThan(help.indexOf("migrate resolve --applied"));
    assertThat(help).contains("--shadow-database-url").doesNotContain("migrate deploy");
  }

  @Test
  void every_fix_names_the_source_s_folder_and_schema() {
    CoverageHelp help =
        new CoverageHelp(new ProjectPaths("packages/prisma/migrations", "packages/prisma/schema"));
    String schema = " --schema packages/prisma/schema";

    for (CoverageStatus status : EnumSet.complementOf(EnumSet.of(CoverageStatus.COVERED))) {
      for (String fix :
          List.of(
              help.migration(status, "add_user"),
              help.view(status, QualifiedName.of("public", "Stats"), "add_stats"))) {
        assertThat(fix)
            .as(status.name())
            .doesNotContainPattern("(?<!packages/)prisma/(migrations|schema)")
            .doesNotContainPattern(
                "npx prisma migrate (dev|deploy|resolve)(?![^`]*" + schema + "`)");
      }
    }
    assertThat(help.migration(CoverageStatus.MISSING, "add_user"))
        .isEqualTo(
            "Create it in a migration: "
                + "`npx prisma migrate dev --create-only --name add_user"
                + schema
                + "`, review "
                + "packages/prisma/migrations/<timestamp>_add_user/migration.sql, commit it, then "
                + "`npx prisma migrate deploy"
                + schema
                + "`.");
    assertThat(help.migration(CoverageStatus.LIVE_ONLY, "add_user"))
        .contains(
            "--from-migrations packages/prisma/migrations --to-schema-datasource packages/prisma/schema ",
            "`npx prisma migrate resolve --applied <timestamp>_add_user" + schema + "`");
  }
}
