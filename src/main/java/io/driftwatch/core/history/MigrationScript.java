package io.driftwatch.core.history;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A {@code migration.sql} as Prisma reads it, with Prisma's checksum rule (semantics, section 2).
 *
 * <p>The CLI reads the script as UTF-8 text (a BOM is kept, invalid sequences become U+FFFD) and
 * stores the SHA-256 of that text's UTF-8 bytes. {@code status} accepts three candidates: the
 * script as is, with every CRLF turned into LF, and with every LF turned into CRLF (naively, so an
 * existing CRLF becomes CR CR LF). Rows written by old engines hold the digest rendered without
 * zero padding. The as-is digest is computed once on construction; the two variants only when a
 * stored checksum does not match it, which keeps a 10,000-migration audit cheap.
 */
public final class MigrationScript {

  private static final HexFormat HEX = HexFormat.of();

  private final byte[] text;
  private final boolean validUtf8;
  private final boolean binary;
  private final byte[] digest;
  private final String checksum;
  private volatile byte[][] variantDigests;

  private MigrationScript(byte[] text, boolean validUtf8) {
    this.text = text;
    this.validUtf8 = validUtf8;
    this.binary = containsNul(text);
    this.digest = sha256(text);
    this.checksum = HEX.formatHex(digest);
  }

  /** Reads raw file bytes the way the Prisma CLI does. */
  public static MigrationScript fromBytes(byte[] raw) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(raw));
      return new MigrationScript(raw, true);
    } catch (CharacterCodingException e) {
      String lossy = new String(raw, StandardCharsets.UTF_8);
      return new MigrationScript(lossy.getBytes(StandardCharsets.UTF_8), false);
    }
  }

  public static MigrationScript of(String sql) {
    return new MigrationScript(sql.getBytes(StandardCharsets.UTF_8), true);
  }

  /** The script's text, as Prisma sends it to the database (a lossy decoding for invalid UTF-8). */
  public String sql() {
    return new String(text, StandardCharsets.UTF_8);
  }

  /** The checksum {@code migrate deploy} would write for this script today. */
  public String checksum() {
    return checksum;
  }

  /**
   * False when the file is not valid UTF-8: Prisma hashed a lossy decoding, so a checksum comparison
   * is only as good as the decoder that agrees with it.
   */
  public boolean validUtf8() {
    return validUtf8;
  }

  public int size() {
    return text.length;
  }

  /** True when the file holds NUL bytes: a binary file, not SQL. */
  public boolean binary() {
    return binary;
  }

  private static boolean containsNul(byte[] bytes) {
    for (byte b : bytes) {
      if (b == 0) {
        return true;
      }
    }
    return false;
  }

  /** Prisma's comparison: any of the three candidates, legacy unpadded rows included. */
  public boolean matches(String storedChecksum) {
    if (storedChecksum == null || storedChecksum.isEmpty()) {
      return false;
    }
    boolean legacy = storedChecksum.length() != 64;
    if (legacy ? legacyHex(digest).equals(storedChecksum) : checksum.equals(storedChecksum)) {
      return true;
    }
    for (byte[] variant : variantDigests()) {
      if (renders(variant, legacy).equals(storedChecksum)) {
        return true;
      }
    }
    return false;
  }

  /** The unpadded rendering old engines wrote: each byte as hex without a leading zero. */
  static String legacyHex(byte[] digest) {
    StringBuilder out = new StringBuilder(64);
    for (byte b : digest) {
      out.append(Integer.toHexString(b & 0xff));
    }
    return out.toString();
  }

  private static String renders(byte[] digest, boolean legacy) {
    return legacy ? legacyHex(digest) : HEX.formatHex(digest);
  }

  private byte[][] variantDigests() {
    byte[][] variants = variantDigests;
    if (variants == null) {
      variants = new byte[][] {sha256(crlfToLf(text)), sha256(lfToCrlf(text))};
      variantDigests = variants;
    }
    return variants;
  }

  static byte[] crlfToLf(byte[] in) {
    byte[] out = new byte[in.length];
    int n = 0;
    for (int i = 0; i < in.length; i++) {
      if (in[i] == '\r' && i + 1 < in.length && in[i + 1] == '\n') {
        continue;
      }
      out[n++] = in[i];
    }
    return java.util.Arrays.copyOf(out, n);
  }

  static byte[] lfToCrlf(byte[] in) {
    int lines = 0;
    for (byte b : in) {
      if (b == '\n') {
        lines++;
      }
    }
    byte[] out = new byte[in.length + lines];
    int n = 0;
    for (byte b : in) {
      if (b == '\n') {
        out[n++] = '\r';
      }
      out[n++] = b;
    }
    return out;
  }

  private static byte[] sha256(byte[] bytes) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(bytes);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
