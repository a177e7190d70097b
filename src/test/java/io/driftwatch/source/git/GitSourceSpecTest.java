package io.driftwatch.source.git;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.source.InvalidSourceException;
import org.junit.jupiter.api.Test;

/** What a git source URL may hold: never a credential, and never a token bound for plain http. */
class GitSourceSpecTest {

  private static final String SECRET = "PW-91c2xyz";
  private static final GitCredentials SSH =
      new GitCredentials(
          null,
          null,
          "-----BEGIN OPENSSH PRIVATE KEY-----\nAAAA\n-----END OPENSSH PRIVATE KEY-----\n",
          "host ssh-ed25519 AAAA");

  private static void validate(String url, GitCredentials credentials) {
    new GitSourceSpec(url, "main", "prisma", null, null).validate(credentials);
  }

  @Test
  void user_info_in_the_url_is_refused_without_echoing_it() {
    for (String url :
        new String[] {
          "http://u:" + SECRET + "@host/repo.git",
          "https://u:" + SECRET + "@host/repo.git",
          "https://" + SECRET + "@host/repo.git",
          "http://" + SECRET + "@host/repo.git",
          "HTTPS://" + SECRET + "@host/repo.git",
          "https://u:p@ss" + SECRET + "@host/repo.git",
          "file://u:" + SECRET + "@host/srv/repo.git"
        }) {
      assertThatThrownBy(() -> validate(url, null))
          .as(url)
          .isInstanceOf(InvalidSourceException.class)
          .hasMessageContaining("must not hold credentials")
          .hasMessageContaining("source.credentials.token")
          .hasMessageNotContaining(SECRET);
    }
  }

  @Test
  void an_ssh_password_in_the_url_is_refused() {
    assertThatThrownBy(() -> validate("ssh://git:" + SECRET + "@host/org/repo.git", SSH))
        .isInstanceOf(InvalidSourceException.class)
        .hasMessageContaining("must not hold credentials")
        .hasMessageContaining("sshPrivateKey")
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void a_url_a_password_breaks_is_refused_without_echoing_it() {
    for (String url :
        new String[] {
          "https://u:" + SECRET + "/x@host/repo.git",
          "https://u:p/" + SECRET + "@host/repo.git",
          "https:///repo.git"
        }) {
      assertThatThrownBy(() -> validate(url, null))
          .as(url)
          .isInstanceOf(InvalidSourceException.class)
          .hasMessageContaining("must name a host")
          .hasMessageNotContaining(SECRET);
    }
  }

  @Test
  void an_unsupported_url_is_refused_naming_only_its_scheme() {
    assertThatThrownBy(() -> validate("ftp://u:" + SECRET + "/x@host/repo.git", null))
        .isInstanceOf(InvalidSourceException.class)
        .hasMessageContaining("must be an https, ssh or file URL (got a `ftp://` URL)")
        .hasMessageNotContaining(SECRET);
    assertThatThrownBy(() -> validate(SECRET + "@host", null))
        .isInstanceOf(InvalidSourceException.class)
        .hasMessageNotContaining(SECRET);
  }

  @Test
  void token_like_query_parameters_are_refused() {
    for (String parameter :
        new String[] {
          "access_token",
          "private_token",
          "token",
          "password",
          "oauth_token",
          "Private-Token",
          "auth_token",
          "job_token",
          "api_key",
          "apikey",
          "key",
          "secret",
          "client_secret",
          "passwd",
          "pwd",
          "sig",
          "signature",
          "X-Amz-Security-Token",
          "X-Amz-Credential",
          "access%5Ftoken",
          "auth"
        }) {
      for (String url :
          new String[] {
            "https://host/repo.git?" + parameter + "=" + SECRET,
            "https://host/repo.git?ref=main&" + parameter + "=" + SECRET,
            "https://host/repo.git;" + parameter + "=" + SECRET,
            "https://host/repo.git#" + parameter + "=" + SECRET
          }) {
        assertThatThrownBy(() -> validate(url, null))
            .as(url)
            .isInstanceOf(InvalidSourceException.class)
            .hasMessageContaining("must not hold credentials")
            .hasMessageNotContaining(SECRET);
      }
    }
  }

  @Test
  void harmless_urls_stay_valid() {
    assertThatCode(() -> validate("https://github.com/acme/app.git", null))
        .doesNotThrowAnyException();
    assertThatCode(() -> validate("https://github.com/acme/app.git?ref=main", null))
        .doesNotThrowAnyException();
    assertThatCode(
            () ->
                validate(
                    "https://host/repo.git?service=git-upload-pack&author=ada&keyword=x&monkey=1",
                    null))
        .doesNotThrowAnyException();
    assertThatCode(() -> validate("https://host/users/someone@example.com/repo.git", null))
        .doesNotThrowAnyException();
    assertThatCode(() -> validate("http://host/repo.git", null)).doesNotThrowAnyException();
    assertThatCode(() -> validate("git@github.com:acme/app.git", SSH)).doesNotThrowAnyException();
    assertThatCode(() -> validate("ssh://git@host:2222/acme/app.git", SSH))
        .doesNotThrowAnyException();
    assertThatCode(() -> validate("file:///srv/repo.git", null)).doesNotThrowAnyException();
  }

  @Test
  void a_token_for_plain_http_is_refused() {
    assertThatThrownBy(
            () -> validate("http://host/repo.git", new GitCredentials(null, SECRET, null, null)))
        .isInstanceOf(InvalidSourceException.class)
        .hasMessageContaining("never sent over plain http")
        .hasMessageContaining("https")
        .hasMessageNotContaining(SECRET);
    assertThatThrownBy(
            () -> validate("HTTP://host/repo.git", new GitCredentials("bot", SECRET, null, null)))
        .isInstanceOf(InvalidSourceException.class)
        .hasMessageContaining("never sent over plain http");
    assertThatCode(
            () -> validate("https://host/repo.git", new GitCredentials(null, SECRET, null, null)))
        .doesNotThrowAnyException();
  }
}
