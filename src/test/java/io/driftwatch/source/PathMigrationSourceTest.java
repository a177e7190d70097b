package io.driftwatch.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.core.SourceSnapshot;
import io.driftwatch.core.history.FolderMigration;
import io.driftwatch.testing.PrismaFolder;
import io.driftwatch.testing.TestSources;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PathMigrationSourceTest {

  private static final PathMigrationSource.Limits LIMITS =
      new PathMigrationSource.Limits(1024, 4096);
  private static final Path TMP = TestSources.root();

  /** The tests' source folder is the one root; the data dir is beside it (and does not exist). */
  private static final Path NO_DATA_DIR = TMP.resolveSibling("dw-no-data-dir-" + UUID.randomUUID());

  private static final SourceBounds BOUNDS =
      new SourceBounds(List.of(TMP), NO_DATA_DIR, NO_DATA_DIR.resolve("git"));

  private static PathMigrationSource source(PathSourceSpec spec) {
    return new PathMigrationSource(spec, LIMITS, BOUNDS);
  }

  @Test
  void reads_every_subdirectory_and_ignores_files() throws Exception {
    try (PrismaFolder folder =
        PrismaFolder.create()
            .migration("20240101000000_init", "SELECT 1;\n")
            .emptyDirectory("20240102000000_empty")) {
      Files.writeString(folder.migrations().resolve("README.md"), "not a migration");
      SourceSnapshot snapshot = source(new PathSourceSpec(folder.path(), null, null)).read();
      assertThat(snapshot.migrations())
          .extracting(FolderMigration::name)
          .containsExactlyInAnyOrder("20240101000000_init", "20240102000000_empty");
      assertThat(snapshot.migrations())
          .filteredOn(m -> m.name().endsWith("empty"))
          .singleElement()
          .satisfies(m -> assertThat(m.script()).isEmpty());
      assertThat(snapshot.lockProvider()).contains("postgresql");
    }
  }

  @Test
  void migrations_path_override() throws Exception {
    try (PrismaFolder folder = PrismaFolder.create().migration("a", "SELECT 1;")) {
      PathSourceSpec spec =
          new PathSourceSpec(
              folder.root().getParent().toString(),
              folder.root().getFileName() + "/migrations",
              null);
      assertThat(source(spec).read().migrations()).hasSize(1);
      PathSourceSpec itself = new PathSourceSpec(folder.migrations().toString(), ".", null);
      itself.validate(BOUNDS);
      assertThat(source(itself).read().migrations())
          .extracting(FolderMigration::name)
          .containsExactly("a");
    }
  }

  @Test
  void oversized_script_is_not_read_and_says_why() throws Exception {
    try (PrismaFolder folder =
        PrismaFolder.create().migration("a", "x".repeat(2000)).migration("b", "SELECT 1;")) {
      SourceSnapshot snapshot = source(new PathSourceSpec(folder.path(), null, null)).read();
      assertThat(snapshot.migrations())
          .filteredOn(m -> m.name().equals("a"))
          .singleElement()
          .satisfies(
              m ->
                  assertThat(m.unreadable())
                      .hasValueSatisfying(
                          reason -> assertThat(reason).contains("over the limit of 1024")));
    }
  }

  @Test
  void folder_over_the_total_limit_stops_the_read() {
    try (PrismaFolder folder = PrismaFolder.create()) {
      for (int i = 0; i < 5; i++) {
        folder.migration("m" + i, "x".repeat(1000));
      }
      assertThatThrownBy(() -> source(new PathSourceSpec(folder.path(), null, null)).read())
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageContaining("exceed 4096 bytes together");
    }
  }

  @Test
  void the_schema_files_count_in_the_total_and_are_held_until_the_source_closes() throws Exception {
    try (PrismaFolder folder = PrismaFolder.create().migration("a", "x".repeat(1000))) {
      Files.writeString(folder.root().resolve("schema.prisma"), "//" + "x".repeat(1000));
      ScriptMemory memory = new ScriptMemory(1 << 20, Duration.ZERO);
      SourceSnapshot snapshot;
      try (PathMigrationSource source =
          new PathMigrationSource(
              new PathSourceSpec(folder.path(), null, null), LIMITS, BOUNDS, memory)) {
        snapshot = source.read();
        assertThat(memory.held())
            .as("the script, the schema, and what a migration costs besides")
            .isEqualTo(1000 + 1002 + ScriptMemory.PER_MIGRATION_BYTES);
        assertThat(snapshot.migrations().get(0).script().orElseThrow().sql()).hasSize(1000);
      }
      assertThat(memory.held()).isZero();
      // Whatever still refers to the finished audit keeps no text of it.
      assertThatThrownBy(() -> snapshot.migrations().get(0).script().orElseThrow().sql())
          .isInstanceOf(IllegalStateException.class);
      for (int i = 0; i < 3; i++) {
        folder.migration("m" + i, "x".repeat(1000));
      }
      assertThatThrownBy(() -> source(new PathSourceSpec(folder.path(), null, null)).read())
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageContaining("exceed 4096 bytes together");
    }
  }

  @Test
  void a_folder_the_memory_budget_cannot_hold_is_refused_before_its_scripts_are_read()
      throws Exception {
    try (PrismaFolder folder =
        PrismaFolder.create().migration("a", "x".repeat(1000)).migration("b", "SELECT 1;")) {
      ScriptMemory memory = new ScriptMemory(ScriptMemory.PER_MIGRATION_BYTES, Duration.ZERO);
      try (PathMigrationSource source =
          new PathMigrationSource(
              new PathSourceSpec(folder.path(), null, null), LIMITS, BOUNDS, memory)) {
        assertThatThrownBy(source::read)
            .isInstanceOf(SourceUnavailableException.class)
            .hasMessageContaining("the 2 migrations of ")
            .hasMessageContaining("DRIFTWATCH_SOURCE_MAX_HELD_BYTES");
      }
      assertThat(memory.held()).isZero();
    }
  }

  @Test
  void schema_files_larger_than_driftwatch_parses_are_not_kept_and_the_snapshot_says_why()
      throws Exception {
    try (PrismaFolder folder = PrismaFolder.create().migration("a", "SELECT 1;")) {
      Files.delete(folder.root().resolve("schema.prisma"));
      Path schema = Files.createDirectories(folder.root().resolve("schema"));
      for (int i = 0; i < 3; i++) {
        Files.writeString(schema.resolve("part" + i + ".prisma"), "//" + "x".repeat(1 << 20));
      }
      PathMigrationSource.Limits large = new PathMigrationSource.Limits(16 << 20, 64 << 20);
      SourceSnapshot snapshot =
          new PathMigrationSource(new PathSourceSpec(folder.path(), null, null), large, BOUNDS)
              .read();

      assertThat(snapshot.schemaFiles()).isEmpty();
      assertThat(snapshot.schemaUnread())
          .hasValueSatisfying(
              why ->
                  assertThat(why)
                      .startsWith(
                          "the schema files hold 3,145,734 bytes, more than the 2,097,152 driftwatch reads"));
    }
  }

  @Test
  void missing_folder_is_unavailable() {
    String missing = TMP.resolve("dw-nonexistent").toString();
    assertThatThrownBy(() -> source(new PathSourceSpec(missing, null, null)).read())
        .isInstanceOf(SourceUnavailableException.class)
        .hasMessageContaining(missing + "/migrations does not exist");
  }

  @Test
  void validate_names_the_problem() {
    assertThatThrownBy(() -> new PathSourceSpec("relative/prisma", null, null).validate(BOUNDS))
        .hasMessageContaining("absolute");
    assertThatThrownBy(() -> new PathSourceSpec(null, null, null).validate(BOUNDS))
        .hasMessageContaining("required");
    try (PrismaFolder folder = PrismaFolder.create()) {
      assertThatThrownBy(
              () -> new PathSourceSpec(folder.path(), "elsewhere", null).validate(BOUNDS))
          .hasMessageContaining("no migrations folder");
      assertThatThrownBy(
              () -> new PathSourceSpec(folder.path(), null, "missing.prisma").validate(BOUNDS))
          .hasMessageContaining("schemaPath");
      new PathSourceSpec(folder.path(), null, "schema.prisma").validate(BOUNDS);
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
      SourceSnapshot snapshot = source(new PathSourceSpec(folder.path(), null, null)).read();
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
      SourceSnapshot snapshot = source(new PathSourceSpec(folder.path(), null, null)).read();
      assertThat(snapshot.schemaFiles()).containsOnlyKeys("billing/invoice.prisma", "main.prisma");
    }
  }

  @Test
  void a_schema_folder_nested_past_the_bound_is_refused_and_one_within_it_read() throws Exception {
    try (PrismaFolder folder = PrismaFolder.create().migration("a", "SELECT 1;")) {
      Files.delete(folder.root().resolve("schema.prisma"));
      Path deep = folder.root().resolve("schema");
      StringBuilder prefix = new StringBuilder();
      for (int level = 1; level <= PathMigrationSource.MAX_SCHEMA_DEPTH; level++) {
        deep = deep.resolve("d");
        prefix.append("d/");
      }
      Files.createDirectories(deep);
      Files.writeString(deep.resolve("deep.prisma"), "model Deep {\n  id Int @id\n}");
      assertThat(source(new PathSourceSpec(folder.path(), null, null)).read().schemaFiles())
          .containsOnlyKeys(prefix + "deep.prisma");

      Files.createDirectories(deep.resolve("d"));
      assertThatThrownBy(() -> source(new PathSourceSpec(folder.path(), null, null)).read())
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageContaining(
              "nests deeper than " + PathMigrationSource.MAX_SCHEMA_DEPTH + " folders");
    }
  }

  @Test
  void schema_path_override_and_no_schema_at_all() throws Exception {
    try (PrismaFolder folder = PrismaFolder.create().migration("a", "SELECT 1;")) {
      Files.writeString(folder.root().resolve("custom.prisma"), "model A {\n  id Int @id\n}");
      assertThat(
              source(new PathSourceSpec(folder.path(), null, "custom.prisma")).read().schemaFiles())
          .containsOnlyKeys("custom.prisma");
      Files.delete(folder.root().resolve("schema.prisma"));
      assertThat(source(new PathSourceSpec(folder.path(), null, null)).read().schemaFiles())
          .isEmpty();
    }
  }

  @Test
  void a_linked_migration_sql_is_unreadable_and_says_why() throws Exception {
    try (PrismaFolder folder = PrismaFolder.create().migration("a", "SELECT 1;")) {
      Path secret =
          Files.writeString(
              TMP.resolve("dw-secret-" + System.nanoTime()), "hunter2token\nDROP TABLE x;\n");
      try {
        Path evil = Files.createDirectories(folder.migrations().resolve("b"));
        Files.createSymbolicLink(evil.resolve("migration.sql"), secret);
        SourceSnapshot snapshot = source(new PathSourceSpec(folder.path(), null, null)).read();
        assertThat(snapshot.migrations())
            .filteredOn(m -> m.name().equals("b"))
            .singleElement()
            .satisfies(
                m -> {
                  assertThat(m.script()).isEmpty();
                  assertThat(m.unreadable())
                      .hasValueSatisfying(reason -> assertThat(reason).contains("symbolic link"));
                });
      } finally {
        Files.delete(secret);
      }
    }
  }

  @Test
  void a_linked_migration_folder_is_not_listed_as_prisma_does() throws Exception {
    try (PrismaFolder folder = PrismaFolder.create().migration("a", "SELECT 1;");
        PrismaFolder other = PrismaFolder.create().migration("elsewhere", "SELECT 2;")) {
      Files.createSymbolicLink(
          folder.migrations().resolve("b"), other.migrations().resolve("elsewhere"));
      assertThat(source(new PathSourceSpec(folder.path(), null, null)).read().migrations())
          .extracting(FolderMigration::name)
          .containsExactly("a");
    }
  }

  @Test
  void a_folder_named_migration_sql_is_unreadable() throws Exception {
    try (PrismaFolder folder = PrismaFolder.create()) {
      Files.createDirectories(folder.migrations().resolve("a/migration.sql"));
      assertThat(source(new PathSourceSpec(folder.path(), null, null)).read().migrations())
          .singleElement()
          .satisfies(
              m ->
                  assertThat(m.unreadable())
                      .hasValueSatisfying(
                          reason -> assertThat(reason).contains("not a regular file")));
    }
  }

  @Test
  void linked_lock_file_and_schema_files_are_not_read() throws Exception {
    try (PrismaFolder folder = PrismaFolder.create().migration("a", "SELECT 1;");
        PrismaFolder other = PrismaFolder.create().lockProvider("mysql")) {
      Files.delete(folder.migrations().resolve("migration_lock.toml"));
      Files.createSymbolicLink(
          folder.migrations().resolve("migration_lock.toml"),
          other.migrations().resolve("migration_lock.toml"));
      Files.delete(folder.root().resolve("schema.prisma"));
      Files.createSymbolicLink(
          folder.root().resolve("schema.prisma"), other.root().resolve("schema.prisma"));
      SourceSnapshot snapshot = source(new PathSourceSpec(folder.path(), null, null)).read();
      assertThat(snapshot.lockProvider()).isEmpty();
      assertThat(snapshot.schemaFiles()).isEmpty();

      Files.delete(folder.root().resolve("schema.prisma"));
      Path schema = Files.createDirectories(folder.root().resolve("schema"));
      Files.writeString(schema.resolve("main.prisma"), "datasource db {}");
      Files.createSymbolicLink(
          schema.resolve("linked.prisma"), other.root().resolve("schema.prisma"));
      Files.createSymbolicLink(schema.resolve("linked"), other.root());
      assertThat(source(new PathSourceSpec(folder.path(), null, null)).read().schemaFiles())
          .containsOnlyKeys("main.prisma");
    }
  }

  @Test
  void a_migrations_folder_swapped_for_a_link_fails_the_read() throws Exception {
    try (PrismaFolder folder = PrismaFolder.create().migration("a", "SELECT 1;");
        PrismaFolder other = PrismaFolder.create().migration("elsewhere", "SELECT 2;")) {
      PathSourceSpec spec = new PathSourceSpec(folder.path(), null, null);
      spec.validate(BOUNDS);
      try (var paths = Files.walk(folder.migrations())) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
      Files.createSymbolicLink(folder.migrations(), other.migrations());
      assertThatThrownBy(() -> source(spec).read())
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageContaining("symbolic link");
    }
  }

  @Test
  void migrations_and_schema_paths_must_stay_inside_the_folder() throws Exception {
    try (PrismaFolder folder = PrismaFolder.create()) {
      for (String escape : List.of("/etc", "/proc/self", "..", "../..", "migrations/../../x")) {
        assertThatThrownBy(() -> new PathSourceSpec(folder.path(), escape, null).validate(BOUNDS))
            .isInstanceOf(InvalidSourceException.class)
            .hasMessageContaining("source.migrationsPath");
        assertThatThrownBy(() -> new PathSourceSpec(folder.path(), null, escape).validate(BOUNDS))
            .isInstanceOf(InvalidSourceException.class)
            .hasMessageContaining("source.schemaPath");
        // Stored before the check existed: the read refuses it too.
        assertThatThrownBy(() -> source(new PathSourceSpec(folder.path(), escape, null)).read())
            .isInstanceOf(SourceUnavailableException.class)
            .hasMessageContaining("source.migrationsPath");
      }
      Files.createSymbolicLink(folder.root().resolve("out"), Path.of("/etc"));
      assertThatThrownBy(() -> new PathSourceSpec(folder.path(), "out", null).validate(BOUNDS))
          .hasMessageContaining("symbolic link")
          .hasMessageContaining("outside");
      assertThatThrownBy(
              () -> new PathSourceSpec(folder.path(), null, "out/passwd").validate(BOUNDS))
          .hasMessageContaining("symbolic link");
      new PathSourceSpec(folder.path(), "./migrations/", "schema.prisma").validate(BOUNDS);
    }
  }

  @Test
  void a_folder_outside_the_roots_is_refused_when_saved_and_when_read() {
    SourceBounds elsewhere =
        new SourceBounds(
            List.of(TMP.resolve("dw-another-root")), NO_DATA_DIR, NO_DATA_DIR.resolve("git"));
    try (PrismaFolder folder = PrismaFolder.create().migration("a", "SELECT 1;")) {
      PathSourceSpec spec = new PathSourceSpec(folder.path(), null, null);
      assertThatThrownBy(() -> spec.validate(elsewhere))
          .isInstanceOf(InvalidSourceException.class)
          .hasMessageContaining("DRIFTWATCH_SOURCE_ROOTS");
      assertThatThrownBy(() -> new PathMigrationSource(spec, LIMITS, elsewhere).read())
          .isInstanceOf(SourceUnavailableException.class)
          .hasMessageContaining("DRIFTWATCH_SOURCE_ROOTS");
    }
  }
}
