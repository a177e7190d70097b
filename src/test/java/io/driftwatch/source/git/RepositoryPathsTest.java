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
      assertThatThrownBy(() -> RepositoryPaths.requireRelative("path", bad))
          .as(bad)
          .hasMessageContaining("path");
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
    assertThat(RepositoryPaths.join("packages/db/prisma/", "migrations"))
        .isEqualTo("packages/db/prisma/migrations");
    assertThat(RepositoryPaths.maskUrl("https://user:token@host/repo.git"))
        .isEqualTo("https://****@host/repo.git");
    assertThat(RepositoryPaths.maskUrl("file:///srv/repo")).isEqualTo("file:///srv/repo");
  }

  @Test
  void masks_every_credential_a_git_url_can_hold() {
    assertThat(RepositoryPaths.maskUrl("http://u:PW1@host/repo.git"))
        .isEqualTo("http://****@host/repo.git");
    assertThat(RepositoryPaths.maskUrl("https://ghp_TOK2@host/repo.git"))
        .isEqualTo("https://****@host/repo.git");
    assertThat(RepositoryPaths.maskUrl("ssh://git:PW3@host/repo.git"))
        .isEqualTo("ssh://****@host/repo.git");
    assertThat(RepositoryPaths.maskUrl("https://u:p@ssPW4@host/repo.git"))
        .isEqualTo("https://****@host/repo.git");
    assertThat(
            RepositoryPaths.maskUrl(
                "https://host/repo.git?ref=main&access_token=TOK5&private_token=TOK6"))
        .isEqualTo("https://host/repo.git?ref=main&access_token=****&private_token=****");
    assertThat(RepositoryPaths.maskUrl("https://host/repo.git?Password=PW7#oauth_token=TOK8"))
        .isEqualTo("https://host/repo.git?Password=****#oauth_token=****");
    // User names that are no secret stay: they say which account the key belongs to.
    assertThat(RepositoryPaths.maskUrl("ssh://git@host/repo.git"))
        .isEqualTo("ssh://git@host/repo.git");
    assertThat(RepositoryPaths.maskUrl("git@github.com:acme/app.git"))
        .isEqualTo("git@github.com:acme/app.git");
    assertThat(RepositoryPaths.maskUrl("https://host/users/a@b.c/repo.git?ref=main"))
        .isEqualTo("https://host/users/a@b.c/repo.git?ref=main");
  }

  @Test
  void masks_urls_anywhere_in_a_message() {
    assertThat(
            RepositoryPaths.maskUrl(
                "cannot open git-upload-pack: http://u:PW9@host/r.git and https://T10@other/x?token=T11 failed"))
        .isEqualTo(
            "cannot open git-upload-pack: http://****@host/r.git and https://****@other/x?token=**** failed")
        .doesNotContain("PW9")
        .doesNotContain("T10")
        .doesNotContain("T11");
  }
}
