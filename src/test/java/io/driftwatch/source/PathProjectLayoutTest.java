package io.driftwatch.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.core.SourceSnapshot;
import io.driftwatch.core.history.FolderMigration;
import io.driftwatch.core.prisma.SourceLayout;
import io.driftwatch.testing.TestSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A local source pointed at a Prisma 7 project's root: the config in it says where the schema and
 * the migrations are, at save time and at every read; nothing above the folder is read.
 */
class PathProjectLayoutTest {

  private static final Path TMP = TestSources.root();
  private static final Path NO_DATA_DIR = TMP.resolveSibling("dw-no-data-dir-" + UUID.randomUUID());
  private static final SourceBounds BOUNDS =
      new SourceBounds(List.of(TMP), NO_DATA_DIR, NO_DATA_DIR.resolve("git"));

  private final Path project = TMP.resolve("dw-project-" + UUID.randomUUID());

  @AfterEach
  void delete() throws Exception {
    try (Stream<Path> files = Files.walk(project)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    }
  }

  private void write(String path, String text) throws Exception {
    Path file = project.resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private SourceSnapshot read() throws Exception {
    PathSourceSpec spec = new PathSourceSpec(project.toString(), null, null);
    spec.validate(BOUNDS);
    return new PathMigrationSource(spec, new PathMigrationSource.Limits(1 << 20, 1 << 24), BOUNDS)
        .read();
  }

  @Test
  void the_projects_config_places_the_schema_folder_and_the_migrations() throws Exception {
    write(
        "prisma.config.mts",
        """
        import path from "node:path";
        import { defineConfig } from "prisma/config";
        export default defineConfig({
          schema: path.join(import.meta.dirname, "db", "schema"),
          migrations: { path: path.join(import.meta.dirname, "db", "migrations") },
        });
        """);
    write("db/schema/main.prisma", "datasource db {\n  provider = \"postgresql\"\n}\n");
    write("db/migrations/1_init/migration.sql", "SELECT 1;");

    SourceSnapshot snapshot = read();

    assertThat(snapshot.layout().config()).contains("prisma.config.mts");
    assertThat(snapshot.layout().migrations())
        .isEqualTo(
            new SourceLayout.Located("db/migrations", "prisma.config.mts `migrations.path`"));
    assertThat(snapshot.migrations()).extracting(FolderMigration::name).containsExactly("1_init");
    assertThat(snapshot.schemaFiles()).containsOnlyKeys("main.prisma");
    assertThat(snapshot.paths().status()).isEqualTo("npx prisma migrate status");
  }

  @Test
  void a_config_that_sends_the_read_above_the_folder_is_refused_when_saved() throws Exception {
    write("prisma.config.ts", "export default { migrations: { path: '../shared/migrations' } }");
    assertThatThrownBy(() -> new PathSourceSpec(project.toString(), null, null).validate(BOUNDS))
        .isInstanceOf(InvalidSourceException.class)
        .hasMessageContaining("outside what the source may read");
  }

  @Test
  void a_config_path_no_file_can_have_is_refused_not_a_crash() throws Exception {
    write("prisma.config.ts", "export default { migrations: { path: 'db\\u0000x' } }");
    assertThatThrownBy(() -> new PathSourceSpec(project.toString(), null, null).validate(BOUNDS))
        .isInstanceOf(InvalidSourceException.class)
        .hasMessageContaining("no file can be named");
  }

  @Test
  void without_a_config_the_folder_is_read_as_prismas_own() throws Exception {
    write("schema.prisma", "datasource db {\n  provider = \"postgresql\"\n}\n");
    write("migrations/1_init/migration.sql", "SELECT 1;");

    SourceSnapshot snapshot = read();

    assertThat(snapshot.layout().config()).isEmpty();
    assertThat(snapshot.layout().migrations().from()).isEqualTo("Prisma's default");
    assertThat(snapshot.migrations()).extracting(FolderMigration::name).containsExactly("1_init");
  }
}
