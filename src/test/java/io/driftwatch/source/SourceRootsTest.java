package io.driftwatch.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** SourceBounds: below a root, real paths compared; never driftwatch's own data. */
class SourceRootsTest {

  private Path tmp;
  private Path root;
  private Path data;

  @BeforeEach
  void create() throws IOException {
    tmp = Files.createTempDirectory("dw-roots").toRealPath();
    root = Files.createDirectories(tmp.resolve("srv"));
    data = Files.createDirectories(tmp.resolve("srv/driftwatch"));
    Files.createDirectories(data.resolve("demo/prisma/migrations"));
    Files.createDirectories(data.resolve("pgdata"));
    Files.createDirectories(data.resolve("git"));
    Files.writeString(data.resolve("master.key"), "key");
    Files.writeString(data.resolve("admin.token"), "token");
    Files.createDirectories(root.resolve("app/prisma"));
    Files.createDirectories(tmp.resolve("srv-other/prisma"));
  }

  @AfterEach
  void delete() throws IOException {
    try (Stream<Path> paths = Files.walk(tmp)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }

  private SourceBounds bounds(Path... roots) {
    return new SourceBounds(List.of(roots), data, data.resolve("git"));
  }

  @Test
  void without_roots_only_the_demo_folder_may_be_read() {
    SourceBounds none = bounds();
    assertThat(none.refusal("x", root.resolve("app/prisma")))
        .contains("DRIFTWATCH_SOURCE_ROOTS is not set");
    assertThat(none.refusal("x", Path.of("/etc"))).contains("DRIFTWATCH_SOURCE_ROOTS");
    assertThat(none.repositoryRefusal(root.resolve("app").toUri().toString()))
        .contains("DRIFTWATCH_SOURCE_ROOTS");
    assertThat(none.refusal("x", data.resolve("demo/prisma"))).isNull();
  }

  @Test
  void below_a_root_compares_real_paths_and_whole_names() throws IOException {
    SourceBounds bounds = bounds(root);
    assertThat(bounds.refusal("x", root.resolve("app/prisma"))).isNull();
    assertThat(bounds.refusal("x", root.resolve("app/../../srv-other/prisma")))
        .contains("is not below DRIFTWATCH_SOURCE_ROOTS");
    assertThat(bounds.refusal("x", tmp.resolve("srv-other/prisma"))).contains("is not below");
    Files.createSymbolicLink(root.resolve("escape"), tmp.resolve("srv-other"));
    assertThat(bounds.refusal("x", root.resolve("escape/prisma"))).contains("is not below");
    Files.createSymbolicLink(tmp.resolve("into"), root.resolve("app"));
    assertThat(bounds.refusal("x", tmp.resolve("into/prisma"))).isNull();
    assertThat(bounds.refusal("x", root.resolve("app/not-yet"))).isNull();
  }

  @Test
  void the_data_dirs_own_files_are_refused_though_below_a_root() {
    SourceBounds bounds = bounds(root);
    for (String own :
        List.of("", "master.key", "admin.token", "pgdata", "pgdata/base", "git", "git/0123abcd")) {
      assertThat(bounds.refusal("x", data.resolve(own))).as(own).contains("driftwatch's own data");
    }
    assertThat(bounds.refusal("x", root)).contains("holds driftwatch's own data");
    assertThat(bounds.refusal("x", data.resolve("demo/prisma"))).isNull();
    assertThat(bounds.repositoryRefusal(data.resolve("git/0123abcd").toUri().toString()))
        .contains("driftwatch's own data");
  }

  @Test
  void a_git_cache_outside_the_data_dir_is_refused_too() throws IOException {
    Path cache = Files.createDirectories(root.resolve("mirrors"));
    SourceBounds bounds = new SourceBounds(List.of(root), data, cache);
    assertThat(bounds.refusal("x", cache.resolve("0123abcd"))).contains("driftwatch's own data");
    assertThat(bounds.refusal("x", root.resolve("app/prisma"))).isNull();
  }

  @Test
  void file_urls_are_judged_by_the_path_git_reads() {
    SourceBounds bounds = bounds(root);
    assertThat(bounds.repositoryRefusal("https://github.com/acme/app.git")).isNull();
    assertThat(bounds.repositoryRefusal("git@github.com:acme/app.git")).isNull();
    assertThat(bounds.repositoryRefusal(root.resolve("app").toUri().toString())).isNull();
    assertThat(bounds.repositoryRefusal("file://" + root + "/app/%2e%2e/%2e%2e/%2e%2e/srv-other"))
        .contains("is not below");
    assertThat(bounds.repositoryRefusal("file:///etc")).contains("is not below");
    assertThat(bounds.repositoryRefusal("file://otherhost" + root + "/app"))
        .contains("names a host");
  }
}
