package io.driftwatch.core.prisma;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProjectPathsTest {

  @Test
  void a_prisma_6_project_at_the_defaults_needs_no_option() {
    assertThat(ProjectPaths.DEFAULT.deploy()).isEqualTo("npx prisma migrate deploy");
    assertThat(ProjectPaths.DEFAULT.diffFromEmpty())
        .isEqualTo(
            "npx prisma migrate diff --from-empty --to-schema-datamodel prisma/schema.prisma"
                + " --script");
    assertThat(ProjectPaths.DEFAULT.diffMigrationsToDatabase())
        .isEqualTo(
            "npx prisma migrate diff --from-migrations prisma/migrations --to-schema-datasource"
                + " prisma/schema.prisma --shadow-database-url \"$SHADOW_DATABASE_URL\" --script");
  }

  @Test
  void a_schema_away_from_the_default_without_a_config_is_named_with_schema() {
    ProjectPaths paths = new ProjectPaths("db/migrations", "db/schema");
    assertThat(paths.status()).isEqualTo("npx prisma migrate status --schema db/schema");
  }

  @Test
  void a_config_at_the_root_is_found_by_prisma_and_names_the_schema_itself() {
    ProjectPaths paths =
        new ProjectPaths("db/migrations", "db/schema", Optional.of("prisma.config.ts"), 7);
    assertThat(paths.deploy()).isEqualTo("npx prisma migrate deploy");
    assertThat(paths.resolveApplied("1_init"))
        .isEqualTo("npx prisma migrate resolve --applied 1_init");
  }

  @Test
  void a_config_prisma_would_not_find_is_named_with_config() {
    ProjectPaths paths =
        new ProjectPaths(
            "packages/db/prisma/migrations",
            "packages/db/prisma/schema",
            Optional.of("packages/db/prisma.config.ts"),
            7);
    assertThat(paths.deploy())
        .isEqualTo("npx prisma migrate deploy --config packages/db/prisma.config.ts");
    assertThat(paths.diffFromEmpty())
        .isEqualTo(
            "npx prisma migrate diff --from-empty --to-schema packages/db/prisma/schema"
                + " --config packages/db/prisma.config.ts --script");
  }

  @Test
  void prisma_7_diffs_against_the_config_datasource_and_its_shadow_database() {
    ProjectPaths paths =
        new ProjectPaths(
            "prisma/migrations", "prisma/schema.prisma", Optional.of("prisma.config.ts"), 7);
    assertThat(paths.diffMigrationsToDatabase())
        .isEqualTo(
            "npx prisma migrate diff --from-migrations prisma/migrations --to-config-datasource"
                + " --script")
        .doesNotContain("shadow-database-url");
  }
}
