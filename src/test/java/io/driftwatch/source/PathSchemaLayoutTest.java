package io.driftwatch.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.SourceSnapshot;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.TestSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The schema files a path source reads, in each layout Prisma knows (single file, schema folder,
 * config folder).
 */
class PathSchemaLayoutTest {

  private static final Path TMP = TestSources.root();
  private static final Path NO_DATA_DIR = TMP.resolveSibling("dw-no-data-dir-" + UUID.randomUUID());
  private static final SourceBounds BOUNDS =
      new SourceBounds(List.of(TMP), NO_DATA_DIR, NO_DATA_DIR.resolve("git"));

  private static SourceSnapshot read(PrismaFolder folder, String schemaPath) throws Exception {
    return new PathMigrationSource(
            new PathSourceSpec(folder.path(), null, schemaPath),
            new PathMigrationSource.Limits(1 << 20, 1 << 24),
            BOUNDS)
        .read();
  }

  private static void write(PrismaFolder folder, String path, String text) throws Exception {
    Path file = folder.root().resolve(path);
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  @Test
  void schema_prisma_with_models_in_a_folder_beside_it_is_read_whole() throws Exception {
    try (PrismaFolder folder = PrismaFolder.create().migration("a", "SELECT 1;")) {
      write(folder, "models/user.prisma", "model User {\n  id Int @id\n}\n");
      write(folder, "models/billing/invoice.prisma", "model Invoice {\n  id Int @id\n}\n");
      write(folder, "node_modules/pkg/schema.prisma", "model Vendored {\n  id Int @id\n}\n");
      write(folder, ".cache/old.prisma", "model Old {\n  id Int @id\n}\n");

      SourceSnapshot snapshot = read(folder, null);

      assertThat(snapshot.schemaFiles())
          .containsOnlyKeys("schema.prisma", "models/user.prisma", "models/billing/invoice.prisma");
      assertThat(snapshot.schemaLookedFor())
          .isEqualTo(
              "`"
                  + folder.root().resolve("schema.prisma")
                  + "` or `"
                  + folder.root().resolve("schema")
                  + "/`");
    }
  }

  @Test
  void a_lone_schema_prisma_is_read_alone_and_a_schema_path_file_means_that_file()
      throws Exception {
    try (PrismaFolder folder = PrismaFolder.create().migration("a", "SELECT 1;")) {
      assertThat(read(folder, null).schemaFiles()).containsOnlyKeys("schema.prisma");
      write(folder, "models/user.prisma", "model User {\n  id Int @id\n}\n");
      assertThat(read(folder, "schema.prisma").schemaFiles()).containsOnlyKeys("schema.prisma");
      assertThat(read(folder, "schema.prisma").schemaLookedFor())
          .isEqualTo("`" + folder.root().resolve("schema.prisma") + "`");
    }
  }

  @Test
  void a_schema_folder_holding_schema_prisma_beside_other_files_is_read_whole() throws Exception {
    try (PrismaFolder folder = PrismaFolder.create().migration("a", "SELECT 1;")) {
      Files.delete(folder.root().resolve("schema.prisma"));
      write(
          folder,
          "schema/schema.prisma",
          "datasource db {\n  provider = \"postgresql\"\n  url = env(\"U\")\n}\n");
      write(folder, "schema/user.prisma", "model User {\n  id Int @id\n}\n");
      assertThat(read(folder, null).schemaFiles()).containsOnlyKeys("schema.prisma", "user.prisma");
      assertThat(read(folder, "schema").schemaFiles())
          .containsOnlyKeys("schema.prisma", "user.prisma");
    }
  }

  @Test
  void no_schema_anywhere_is_an_empty_read_that_says_where_it_looked() throws Exception {
    try (PrismaFolder folder = PrismaFolder.create().migration("a", "SELECT 1;")) {
      Files.delete(folder.root().resolve("schema.prisma"));
      SourceSnapshot snapshot = read(folder, null);
      assertThat(snapshot.schemaFiles()).isEmpty();
      assertThat(snapshot.schemaLookedFor())
          .contains(folder.root().resolve("schema.prisma").toString());
    }
  }
}
