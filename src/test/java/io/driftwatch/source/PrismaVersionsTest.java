package io.driftwatch.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.prisma.config.PrismaConfigReader;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Prisma 6 told from 7 by what the project shows, and what told it. */
class PrismaVersionsTest {

  @Test
  void the_major_version_is_read_from_the_ranges_npm_accepts() {
    assertThat(PrismaVersions.major("^7.1.0")).contains(7);
    assertThat(PrismaVersions.major("~6.19.0")).contains(6);
    assertThat(PrismaVersions.major("7.x")).contains(7);
    assertThat(PrismaVersions.major("8.0.0-rc.33")).contains(8);
    assertThat(PrismaVersions.major(">=6 <8")).contains(6);
    assertThat(PrismaVersions.major("npm:prisma@7.2.0")).contains(7);
    assertThat(PrismaVersions.major("latest")).isEmpty();
    assertThat(PrismaVersions.major("workspace:*")).isEmpty();
  }

  @Test
  void the_lock_file_wins_over_the_range_package_json_asks_for() {
    InMemoryTree tree =
        new InMemoryTree()
            .put("app/package.json", "{\"devDependencies\": {\"prisma\": \"^6.19.0\"}}")
            .put(
                "app/package-lock.json",
                "{\"name\": \"app\", \"lockfileVersion\": 3, \"packages\": {\"\": {\"name\":"
                    + " \"app\"}, \"node_modules/@prisma/client\": {\"version\": \"6.0.0\"},"
                    + " \"node_modules/prisma\": {\"version\": \"7.2.0\", \"dev\": true}}}");
    PrismaVersions.Assumed assumed = PrismaVersions.assume(tree, "app", "", Optional.empty());
    assertThat(assumed)
        .isEqualTo(new PrismaVersions.Assumed(7, "`app/package-lock.json` resolves prisma 7.2.0"));
  }

  @Test
  void the_nearest_package_json_above_the_folder_is_read() {
    InMemoryTree tree =
        new InMemoryTree()
            .put("package.json", "{\"dependencies\": {\"prisma\": \"6.19.0\"}}")
            .put("packages/db/prisma/schema.prisma", "");
    assertThat(PrismaVersions.assume(tree, "packages/db/prisma", "", Optional.empty()))
        .isEqualTo(
            new PrismaVersions.Assumed(6, "`package.json` asks for prisma 6.19.0 (dependencies)"));
    // A local folder reads nothing above itself.
    assertThat(
            PrismaVersions.assume(
                    tree, "packages/db/prisma", "packages/db/prisma", Optional.empty())
                .basis())
        .startsWith("assumed:");
  }

  @Test
  void without_a_package_a_config_with_a_datasource_says_7_and_nothing_says_6() {
    InMemoryTree tree = new InMemoryTree().put("prisma/schema.prisma", "");
    assertThat(
            PrismaVersions.assume(
                tree,
                "",
                "",
                Optional.of(
                    PrismaConfigReader.read(
                        "export default { datasource: { url: env('DATABASE_URL') } }",
                        "prisma.config.ts"))))
        .extracting(PrismaVersions.Assumed::major)
        .isEqualTo(7);
    assertThat(PrismaVersions.assume(tree, "", "", Optional.empty()))
        .isEqualTo(
            new PrismaVersions.Assumed(
                6, "assumed: no package.json names prisma, and there is no Prisma config"));
  }

  @Test
  void a_broken_package_json_tells_nothing_and_the_search_goes_on() {
    InMemoryTree tree =
        new InMemoryTree()
            .put("package.json", "{\"devDependencies\": {\"prisma\": \"^7.0.0\"}}")
            .put("db/package.json", "{ not json");
    assertThat(PrismaVersions.assume(tree, "db", "", Optional.empty()).major()).isEqualTo(7);
  }
}
