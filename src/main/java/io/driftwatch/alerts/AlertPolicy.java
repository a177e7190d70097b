package io.driftwatch.alerts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Which findings alert, and how a finding is recognised from one audit to the next. */
public final class AlertPolicy {

  private AlertPolicy() {}

  /** The same problem on the same migration is the same finding, whatever its wording. */
  public static String fingerprint(String code, String migration) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256")
              .digest(
                  (code + "\n" + (migration == null ? "" : migration))
                      .getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
