package io.driftwatch.source.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RepositoryPathsTest {

  @Test
  void only_normalised_relative_paths() {
    RepositoryPaths.requireRelative("path", "packages/db/prisma");
    RepositoryPaths.requireRelative("path", "");
    for (String bad : new String[] {"../x", "a/../../b", "/etc", "a//b", "a/./b", "a\\b", "a/"}) {
      assertThatThrownBy(() -> RepositoryPaths.requireRelative("path", bad)).as(bad).hasMessageContaining("path");
    }
  }

  @Test
  void entry_names_from_a_crafted_tree() {
    assertThat(RepositoryPaths.safeName("20240101000000_init")).isTrue();
    assertThat(RepositoryPaths.safeName("..")).isFalse();
    assertThat(RepositoryPaths.safeName(".")).isFalse();
    assertThat(RepositoryPaths.safeName("a/b")).isFalse();
    assertThat(RepositoryPaths.safeName("")).isFalse();
  }

  @Test
  void joins_and_masks() {
    assertThat(RepositoryPaths.join("", "migrations")).isEqualTo("migrations");
    assertThat(RepositoryPaths.join("packages/db/prisma/", "migrations")).isEqualTo("packages/db/prisma/migrations");
    assertThat(RepositoryPaths.maskUrl("https://user:token@host/repo.git")).isEqualTo("https://****@host/repo.git");
    assertThat(RepositoryPaths.maskUrl("file:///srv/repo")).isEqualTo("file:///srv/repo");
  }
}
