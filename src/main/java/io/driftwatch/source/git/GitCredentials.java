package io.driftwatch.source.git;

import io.driftwatch.source.InvalidSourceException;

/**
 * Write-only secrets of a git source, stored encrypted like the database URL and never returned.
 *
 * @param username for https; defaults to {@code x-access-token} (accepted by GitHub, GitLab,
 *     Bitbucket with a token)
 * @param token an https access token or password
 * @param sshPrivateKey an OpenSSH private key (PEM), for ssh URLs
 * @param sshKnownHosts known_hosts lines for the server: host keys are always checked
 */
public record GitCredentials(
    String username, String token, String sshPrivateKey, String sshKnownHosts) {

  void validate(boolean ssh) {
    if (ssh) {
      if (sshPrivateKey == null || sshPrivateKey.isBlank()) {
        throw new InvalidSourceException(
            "source.credentials.sshPrivateKey is required for an ssh URL");
      }
      if (!sshPrivateKey.contains("PRIVATE KEY-----")) {
        throw new InvalidSourceException(
            "source.credentials.sshPrivateKey must be a PEM private key (-----BEGIN ... PRIVATE KEY-----)");
      }
      if (sshKnownHosts == null || sshKnownHosts.isBlank()) {
        throw new InvalidSourceException(
            "source.credentials.sshKnownHosts is required for an ssh URL: driftwatch always "
                + "checks the server's host key (ssh-keyscan <host> prints the line)");
      }
    } else if (sshPrivateKey != null) {
      throw new InvalidSourceException("source.credentials.sshPrivateKey only applies to ssh URLs");
    }
  }

  public String usernameOrDefault() {
    return username == null || username.isBlank() ? "x-access-token" : username;
  }
}
