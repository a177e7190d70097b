package io.driftwatch.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A check, then a link swapped in, then the open: the open must not follow it either. */
class NoFollowFolderTest {

  private Path root;
  private Path secret;

  @BeforeEach
  void create() throws IOException {
    root = Files.createTempDirectory("dw-nofollow");
    secret = Files.writeString(Files.createTempFile("dw-secret", ".txt"), "hunter2token");
  }

  @AfterEach
  void delete() throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
    Files.delete(secret);
  }

  @Test
  void a_file_swapped_for_a_link_after_the_look_is_not_read() throws Exception {
    Files.writeString(root.resolve("migration.sql"), "SELECT 1;");
    try (NoFollowFolder folder = NoFollowFolder.open(root.toRealPath())) {
      assertThat(folder.kind("migration.sql")).isEqualTo(NoFollowFolder.Kind.FILE);
      Files.delete(root.resolve("migration.sql"));
      Files.createSymbolicLink(root.resolve("migration.sql"), secret);

      assertThatThrownBy(() -> folder.read("migration.sql", 1024)).isInstanceOf(IOException.class);
      assertThat(folder.kind("migration.sql")).isEqualTo(NoFollowFolder.Kind.LINK);
    }
  }

  @Test
  void a_folder_swapped_for_a_link_after_the_look_is_not_opened() throws Exception {
    Files.createDirectories(root.resolve("migrations"));
    Path elsewhere = Files.createDirectories(root.resolve("elsewhere"));
    try (NoFollowFolder folder = NoFollowFolder.open(root.toRealPath())) {
      assertThat(folder.kind("migrations")).isEqualTo(NoFollowFolder.Kind.FOLDER);
      Files.delete(root.resolve("migrations"));
      Files.createSymbolicLink(root.resolve("migrations"), elsewhere);

      assertThatThrownBy(() -> folder.folder("migrations")).isInstanceOf(IOException.class);
      assertThat(folder.descend(Path.of("migrations"))).isEmpty();
    }
  }

  @Test
  void reading_stops_at_the_limit() throws Exception {
    Files.writeString(root.resolve("big.sql"), "x".repeat(2000));
    Files.writeString(root.resolve("small.sql"), "SELECT 1;");
    try (NoFollowFolder folder = NoFollowFolder.open(root.toRealPath())) {
      NoFollowFolder.Content big = folder.read("big.sql", 1024);
      assertThat(big.bytes()).isNull();
      assertThat(big.size()).isEqualTo(2000);
      assertThat(new String(folder.read("small.sql", 1024).bytes(), StandardCharsets.UTF_8))
          .isEqualTo("SELECT 1;");
    }
  }
}
