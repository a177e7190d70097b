package io.driftwatch.board;

import io.driftwatch.access.Presenter;
import io.driftwatch.access.Role;
import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.secrets.SecretCipher;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The board's sign-in sessions, kept by the browser in one cookie sealed with the master key
 * (AES-256-GCM, so every replica opens it and a rotation carries it over). The cookie names the
 * token by its id, its holder, role, environments and expiry; never any part of the token itself.
 * Each request checks the token is still active, so revoking a token ends its sessions at once.
 */
@ApplicationScoped
public class BoardSessions {

  /** The cookie's name. */
  public static final String COOKIE = "dw_session";

  /** What the bootstrap admin token's sessions name instead of a token id. */
  static final String BOOTSTRAP = Presenter.BOOTSTRAP;

  /**
   * What the sessions opened through the identity provider name: no driftwatch token stands behind
   * them, so they last their TTL (the provider decides again at the next sign-in).
   */
  static final String SSO = "sso";

  private static final String PURPOSE = "board-session:v1:";

  private final SecretCipher cipher;
  private final Duration ttl;
  private final Clock clock;

  @Inject
  public BoardSessions(SecretCipher cipher, DriftwatchConfig config) {
    this(cipher, config.board().sessionTtl(), Clock.systemUTC());
  }

  BoardSessions(SecretCipher cipher, Duration ttl, Clock clock) {
    this.cipher = cipher;
    this.ttl = ttl;
    this.clock = clock;
  }

  /**
   * One session.
   *
   * @param tokenId the issued token's id, or {@code bootstrap}
   * @param environments the environments the token is limited to; null for every one
   */
  public record Session(
      String tokenId, String principal, Role role, Set<String> environments, Instant expiresAt) {}

  /** How long a session lasts. */
  public Duration ttl() {
    return ttl;
  }

  /**
   * The sealed cookie value of a new session for this token holder.
   *
   * @throws io.driftwatch.secrets.NoMasterKeyException when no master key is configured
   */
  public String open(String tokenId, String principal, Role role, Set<String> environments) {
    Instant expires = clock.instant().plus(ttl);
    String scope = environments == null ? "*" : String.join(",", environments);
    String plain =
        PURPOSE
            + String.join(
                "\n",
                tokenId,
                principal,
                role.label(),
                scope,
                Long.toString(expires.getEpochSecond()));
    return cipher.encrypt(plain);
  }

  /** The session a cookie holds, if it is one of ours and has not expired. */
  public Optional<Session> read(String sealed) {
    if (sealed == null || sealed.isEmpty() || sealed.length() > 4096) {
      return Optional.empty();
    }
    String plain;
    try {
      plain = cipher.decrypt(sealed);
    } catch (RuntimeException e) { // SecretException, or a value that is no ciphertext
      return Optional.empty();
    }
    if (!plain.startsWith(PURPOSE)) {
      return Optional.empty();
    }
    String[] parts = plain.substring(PURPOSE.length()).split("\n", -1);
    if (parts.length != 5) {
      return Optional.empty();
    }
    Role role = Role.parse(parts[2]);
    Instant expires;
    try {
      expires = Instant.ofEpochSecond(Long.parseLong(parts[4]));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (role == null || !clock.instant().isBefore(expires)) {
      return Optional.empty();
    }
    if (!parts[0].equals(BOOTSTRAP) && !parts[0].equals(SSO)) {
      try {
        UUID.fromString(parts[0]);
      } catch (IllegalArgumentException e) {
        return Optional.empty();
      }
    }
    Set<String> scope =
        parts[3].equals("*") ? null : new LinkedHashSet<>(Arrays.asList(parts[3].split(",")));
    return Optional.of(new Session(parts[0], parts[1], role, scope, expires));
  }
}
