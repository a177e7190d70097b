package io.driftwatch.shadow;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One replay's sandbox on a shadow server: a login role created for this replay alone, and the
 * scratch database it owns. Both names carry the second they were made, so that a sandbox whose
 * replica died is recognised as stale by the next replay on the server and dropped: the lease has
 * an owner that can die, and an end.
 *
 * @param password random, used once, never stored: the role is dropped with its database
 */
record ReplaySandbox(String role, String database, String password, Instant createdAt) {

  static final String ROLE_PREFIX = "dw_replay_";
  static final String DATABASE_PREFIX = "dw_shadow_";

  private static final Pattern NAME =
      Pattern.compile("^dw_(?:replay|shadow)_(\\d{10,12})_[0-9a-f]{12}$");
  private static final SecureRandom RANDOM = new SecureRandom();

  static ReplaySandbox create(Instant now) {
    String suffix = now.getEpochSecond() + "_" + hex(6);
    return new ReplaySandbox(ROLE_PREFIX + suffix, DATABASE_PREFIX + suffix, hex(24), now);
  }

  /**
   * When a role or database of this kind was made, read from its name; empty for any other name.
   */
  static Optional<Instant> madeAt(String name) {
    Matcher matcher = NAME.matcher(name);
    return matcher.matches()
        ? Optional.of(Instant.ofEpochSecond(Long.parseLong(matcher.group(1))))
        : Optional.empty();
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private static String hex(int bytes) {
    byte[] random = new byte[bytes];
    RANDOM.nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
