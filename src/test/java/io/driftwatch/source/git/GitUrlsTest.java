package io.driftwatch.source.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.eclipse.jgit.transport.URIish;
import org.junit.jupiter.api.Test;

/** Where git credentials may go: the scheme, host and port of the URL they were stored with. */
class GitUrlsTest {

  @Test
  void another_repository_on_the_same_server_is_the_same_origin() {
    assertThat(
            GitUrls.sameOrigin(
                "https://github.com/acme/app.git", "https://github.com/acme/other.git"))
        .isTrue();
    assertThat(
            GitUrls.sameOrigin(
                "https://github.com/acme/app.git", "https://GitHub.com:443/acme/app.git"))
        .isTrue();
    assertThat(GitUrls.sameOrigin("HTTPS://github.com/a.git", "https://github.com/b.git")).isTrue();
    assertThat(
            GitUrls.sameOrigin(
                "git@github.com:acme/app.git", "ssh://git@github.com/acme/other.git"))
        .isTrue();
    assertThat(GitUrls.sameOrigin("ssh://git@[::1]:2222/a.git", "ssh://git@[::1]:2222/b.git"))
        .isTrue();
  }

  @Test
  void another_scheme_host_or_port_is_another_origin() {
    assertThat(
            GitUrls.sameOrigin("https://github.com/acme/app.git", "http://github.com/acme/app.git"))
        .isFalse();
    assertThat(
            GitUrls.sameOrigin(
                "https://github.com/acme/app.git", "https://gitlab.com/acme/app.git"))
        .isFalse();
    assertThat(
            GitUrls.sameOrigin(
                "https://github.com/acme/app.git", "https://github.com:8443/acme/app.git"))
        .isFalse();
    assertThat(
            GitUrls.sameOrigin(
                "https://github.com/acme/app.git", "https://github.com.evil.example/acme/app.git"))
        .isFalse();
    assertThat(GitUrls.sameOrigin("git@github.com:acme/app.git", "https://github.com/acme/app.git"))
        .isFalse();
    assertThat(GitUrls.sameOrigin("ssh://git@[::1]:2222/a.git", "ssh://git@[::1]/a.git")).isFalse();
    assertThat(GitUrls.sameOrigin("https://github.com:x/a.git", "https://github.com:x/a.git"))
        .as("an unreadable port compares with nothing")
        .isFalse();
    assertThat(GitUrls.sameOrigin("not a url", "not a url")).isFalse();
  }

  @Test
  void plain_http_is_recognised_in_any_case() {
    assertThat(GitUrls.plainHttp("http://host/repo.git")).isTrue();
    assertThat(GitUrls.plainHttp("HTTP://host/repo.git")).isTrue();
    assertThat(GitUrls.plainHttp("https://host/repo.git")).isFalse();
    assertThat(GitUrls.plainHttp("git@host:org/repo.git")).isFalse();
  }

  @Test
  void the_token_answers_only_for_its_own_https_origin() throws Exception {
    GitCredentials token = new GitCredentials(null, "tok", null, null);
    OriginBoundCredentials https =
        new OriginBoundCredentials("https://git.example/acme/app.git", token);
    assertThat(https.answers(new URIish("https://git.example/acme/app.git"))).isTrue();
    assertThat(https.answers(new URIish("https://git.example:443/other/repo.git"))).isTrue();
    assertThat(https.answers(new URIish("https://elsewhere.example/acme/app.git"))).isFalse();
    assertThat(https.answers(new URIish("https://git.example:8443/acme/app.git"))).isFalse();
    assertThat(https.answers(new URIish("http://git.example/acme/app.git"))).isFalse();
    OriginBoundCredentials http =
        new OriginBoundCredentials("http://git.example/acme/app.git", token);
    assertThat(http.answers(new URIish("http://git.example/acme/app.git")))
        .as("never over plain http")
        .isFalse();
  }

  @Test
  void query_parameters_that_carry_no_secret_are_left_alone() {
    for (String name :
        new String[] {"ref", "service", "branch", "author", "keyword", "monkey", "tab", "path"}) {
      assertThat(GitUrls.secretParameter(name)).as(name).isFalse();
    }
  }

  @Test
  void masking_leaves_masked_text_as_it_is() {
    String masked =
        "database URL replaced: postgresql://driftwatch:****@db:5432/app?sslpassword=****";
    assertThat(GitUrls.mask(masked)).isEqualTo(masked);
    assertThat(GitUrls.mask(GitUrls.mask("https://u:pw@host/r.git?token=t")))
        .isEqualTo("https://****@host/r.git?token=****");
  }
}
