package io.driftwatch.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The bearer tokens driftwatch issues: {@code dw_} and 256 random bits, base64url. Stored as their
 * SHA-256 only: a token carries as much entropy as a key, so a fast hash cannot be brute-forced and
 * a slow password hash would only cost every request time.
 */
public final class TokenSecret {

  public static final String PREFIX = "dw_";
  private static final SecureRandom RANDOM = new SecureRandom();

  private TokenSecret() {}

  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether a presented token has the shape of one driftwatch issued (it may still be unknown). */
  public static boolean looksIssued(String token) {
    return token.startsWith(PREFIX) && token.length() == PREFIX.length() + 43;
  }

  public static String hash(String token) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Compares two hashes in time independent of where they differ. */
  public static boolean sameHash(String a, String b) {
    return MessageDigest.isEqual(
        a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
  }
}
