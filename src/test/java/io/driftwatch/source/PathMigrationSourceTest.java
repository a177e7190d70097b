package io.driftwatch.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.core.SourceSnapshot;
import io.driftwatch.core.history.FolderMigration;
import io.driftwatch.testing.PrismaFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class PathMigrationSourceTest {

  private static final PathMigrationSource.Limits LIMITS = new PathMigrationSource.Limits(1024, 4096);

  @Test
  void reads_every_subdirectory_and_ignores_files() throws Exception {
    try (PrismaFolder folder = PrismaFolder.create()
        .migration("20240101000000_init", "SELECT 1;\n")
        .emptyDirectory("20240102000000_empty")) {
      Files.writeString(folder.migrations().resolve("README.md"), "not a migration");
      SourceSnapshot snapshot = new PathMigrationSource(new PathSourceSpec(folder.path(), null, null), LIMITS).read();
      assertThat(snapshot.migrations()).extracting(FolderMigration::name)
          .containsExactlyInAnyOrder("20240101000000_init", "20240102000000_empty");
      assertThat(snapshot.migrations()).filteredOn(m -> m.name().endsWith("empty"))
          .singleElement().satisfies(m -> assertThat(m.script()).isEmpty());
      assertThat(snapshot.lockProvider()).contains("postgresql");
    }
  }

  @Test
  void migrations_path_override() throws Exception {
    try (PrismaFolder folder = PrismaFolder.create().migration("a", "SELECT 1;")) {
      PathSourceSpec spec = new PathSourceSpec(folder.root().getParent().toString(), folder.migrations().toString(), null);
      assertThat(new PathMigrationSource(spec, LIMITS).read().migrations()).hasSize(1);
    }
  }

  @Test
  void oversized_script_is_not_read_and_says_why() throws Exception {
    try (PrismaFolder folder = PrismaFolder.create().migration("a", "x".repeat(2000)).migration("b", "SELECT 1;")) {
      SourceSnapshot snapshot = new PathMigrationSource(new PathSourceSpec(folder.path(), null, null), LIMITS).read();
      assertThat(snapshot.migrations()).filteredOn(m -> m.name().equals("a")).singleElement()
          .satisfies(m -> assertThat(m.unreadable()).hasValueSatisfying(reason -> assertThat(reason).contains("over the limit of 1024")));
    }
  }

  @Test
  void folder_over_the_total_limit_stops_the_read() {
    try (PrismaFolder folder = PrismaFolder.create()) {
      for (int i = 0; i < 5; i++) {
        folder.migration("m" + i, "x".repeat(1000));
      }
      assertThatThrownBy(() -> new PathMigrationSource(new PathSourceSpec(folder.path(), null, null), LIMITS).read())
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageContaining("exceed 4096 bytes together");
    }
  }

  @Test
  void missing_folder_is_unavailable() {
    assertThatThrownBy(() -> new PathMigrationSource(new PathSourceSpec("/nonexistent", null, null), LIMITS).read())
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageContaining("/nonexistent/migrations does not exist");
  }

  @Test
  void validate_names_the_problem() {
    assertThatThrownBy(() -> new PathSourceSpec("relative/prisma", null, null).validate()).hasMessageContaining("absolute");
    assertThatThrownBy(() -> new PathSourceSpec(null, null, null).validate()).hasMessageContaining("required");
    try (PrismaFolder folder = PrismaFolder.create()) {
      assertThatThrownBy(() -> new PathSourceSpec(folder.path(), "elsewhere", null).validate())
          .hasMessageContaining("no migrations folder");
      assertThatThrownBy(() -> new PathSourceSpec(folder.path(), null, "missing.prisma").validate())
          .hasMessageContaining("schemaPath");
      new PathSourceSpec(folder.path(), null, "schema.prisma").validate();
    }
  }

  @Test
  void lock_file_provider() {
    assertThat(LockFile.provider("# comment\nprovider = \"postgresql\"\n")).contains("postgresql");
    assertThat(LockFile.provider("provider=\"mysql\" # trailing")).contains("mysql");
    assertThat(LockFile.provider("# provider = \"x\"\n")).isEmpty();
  }

  @Test
  void reads_schema_prisma_beside_the_migrations() throws Exception {
    try (PrismaFolder folder = PrismaFolder.create().migration("a", "SELECT 1;")) {
      Files.writeString(folder.root().resolve("schema.prisma"), "model User {\n  id Int @id\n}\n");
      SourceSnapshot snapshot = new PathMigrationSource(new PathSourceSpec(folder.path(), null, null), LIMITS).read();
      assertThat(snapshot.schemaFiles()).containsOnlyKeys("schema.prisma");
      assertThat(snapshot.schemaFiles().get("schema.prisma")).contains("model User");
    }
  }

  @Test
  void reads_every_prisma_file_of_a_schema_folder_and_nothing_else() throws Exception {
    try (PrismaFolder folder = PrismaFolder.create().migration("a", "SELECT 1;")) {
      Files.delete(folder.root().resolve("schema.prisma"));
      Path schema = Files.createDirectories(folder.root().resolve("schema/billing"));
      Files.writeString(folder.root().resolve("schema/main.prisma"), "datasource db {}");
      Files.writeString(schema.resolve("invoice.prisma"), "model Invoice {\n  id Int @id\n}");
      Files.writeString(schema.resolve("notes.md"), "not a schema");
      SourceSnapshot snapshot = new PathMigrationSource(new PathSourceSpec(folder.path(), null, null), LIMITS).read();
      assertThat(snapshot.schemaFiles()).containsOnlyKeys("billing/invoice.prisma", "main.prisma");
    }
  }

  @Test
  void schema_path_override_and_no_schema_at_all() throws Exception {
    try (PrismaFolder folder = PrismaFolder.create().migration("a", "SELECT 1;")) {
      Files.writeString(folder.root().resolve("custom.prisma"), "model A {\n  id Int @id\n}");
      assertThat(new PathMigrationSource(new PathSourceSpec(folder.path(), null, "custom.prisma"), LIMITS).read()
          .schemaFiles()).containsOnlyKeys("custom.prisma");
      Files.delete(folder.root().resolve("schema.prisma"));
      assertThat(new PathMigrationSource(new PathSourceSpec(folder.path(), null, null), LIMITS).read().schemaFiles())
          .isEmpty();
    }
  }
}
