package io.driftwatch.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.prisma.Prisma8Migrations;
import org.junit.jupiter.api.Test;

/** Prisma 8's folder read as data: defensively, within bounds, saying what was not understood. */
class Prisma8FoldersTest {

  @Test
  void a_folder_without_app_is_not_prisma_8s() throws Exception {
    InMemoryTree tree = new InMemoryTree().put("m/1_init/migration.sql", "SELECT 1;");
    assertThat(Prisma8Folders.read(tree, "m")).isEmpty();
  }

  @Test
  void a_prisma_migrate_migration_named_app_is_not_prisma_8s() throws Exception {
    InMemoryTree tree = new InMemoryTree().put("m/app/migration.sql", "SELECT 1;");
    assertThat(Prisma8Folders.read(tree, "m")).isEmpty();
  }

  @Test
  void shapes_not_understood_are_said_and_the_rest_is_read() throws Exception {
    InMemoryTree tree =
        new InMemoryTree()
            .put("m/app/1/migration.json", "{\"to\": 42}")
            .put("m/app/2/migration.json", "not json")
            .put("m/app/3/migration.json", "{\"to\": \"sha256:ab\"}")
            .put("m/app/refs/db.json", "{\"pointer\": \"ab\"}");
    Prisma8Migrations read = Prisma8Folders.read(tree, "m").orElseThrow();
    assertThat(read.migrations()).containsExactly("1", "2", "3");
    assertThat(read.hashes()).containsExactly("ab");
    assertThat(read.notUnderstood())
        .containsExactly(
            "the migration `1` names no contract hash it goes `to`",
            "`m/app/2/migration.json` is not JSON",
            "the ref `db` has no `hash`");
  }

  @Test
  void a_repository_of_many_large_manifests_is_read_within_the_total_bound() throws Exception {
    InMemoryTree tree = new InMemoryTree();
    String padding = " ".repeat(Prisma8Folders.MAX_JSON_BYTES - 64);
    int count = (int) (Prisma8Folders.MAX_TOTAL_JSON_BYTES / Prisma8Folders.MAX_JSON_BYTES) + 8;
    for (int i = 0; i < count; i++) {
      tree.put("m/app/%04d/migration.json".formatted(i), "{\"to\": \"h" + i + "\"" + padding + "}");
    }
    Prisma8Migrations read = Prisma8Folders.read(tree, "m").orElseThrow();
    assertThat(read.migrations()).hasSize(count);
    assertThat(read.hashes().size()).isLessThan(count).isGreaterThan(count - 16);
    assertThat(read.notUnderstood())
        .anySatisfy(line -> assertThat(line).contains("together exceed"));
  }
}
