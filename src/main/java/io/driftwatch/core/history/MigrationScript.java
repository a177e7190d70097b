package io.driftwatch.core.history;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
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
 *
 * <p>The script's text is kept once, as its UTF-8 bytes, for the whole audit: {@link #sql()}
 * decodes it anew on every call, so a stage holds the decoded text only while it reads it (the
 * lint, the pre-flight, the replay of one script at a time), and no stage keeps a copy of every
 * script. Reading the bytes needs no copy of the text either. When the audit ends, the source that
 * read the script {@link #release() releases} the text: whatever still refers to the finished audit
 * (a worker thread's last task keeps its result until it runs the next one) keeps the checksum, not
 * the text.
 */
public final class MigrationScript {

  private static final HexFormat HEX = HexFormat.of();

  /** The text, until {@link #release()}. */
  private volatile byte[] text;

  private final int size;
  private final boolean validUtf8;
  private final boolean binary;
  private final byte[] digest;
  private final String checksum;
  private volatile byte[][] variantDigests;

  private MigrationScript(byte[] text, boolean validUtf8) {
    this.text = text;
    this.size = text.length;
    this.validUtf8 = validUtf8;
    this.binary = containsNul(text);
    this.digest = sha256(text);
    this.checksum = HEX.formatHex(digest);
  }

  /**
   * Reads raw file bytes the way the Prisma CLI does. The array is kept as the script's text (not
   * copied): the caller hands it over.
   */
  public static MigrationScript fromBytes(byte[] raw) {
    if (validUtf8(raw)) {
      return new MigrationScript(raw, true);
    }
    String lossy = new String(raw, StandardCharsets.UTF_8);
    return new MigrationScript(lossy.getBytes(StandardCharsets.UTF_8), false);
  }

  /**
   * Whether the bytes are valid UTF-8, decoded through a small buffer: no second copy of the text
   * is made.
   */
  private static boolean validUtf8(byte[] raw) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(raw);
    CharBuffer out = CharBuffer.allocate(8192);
    while (true) {
      CoderResult result = decoder.decode(in, out, true);
      if (result.isError()) {
        return false;
      }
      out.clear();
      if (result.isUnderflow()) {
        break;
      }
    }
    while (true) {
      CoderResult result = decoder.flush(out);
      if (result.isError()) {
        return false;
      }
      out.clear();
      if (result.isUnderflow()) {
        return true;
      }
    }
  }

  public static MigrationScript of(String sql) {
    return new MigrationScript(sql.getBytes(StandardCharsets.UTF_8), true);
  }

  /**
   * The script's text, as Prisma sends it to the database (a lossy decoding for invalid UTF-8).
   * Decoded on every call: hold it only while reading it.
   */
  public String sql() {
    return new String(text(), StandardCharsets.UTF_8);
  }

  /**
   * Hands the text back: the audit that read the script has ended. The checksum, size and encoding
   * facts stay; {@link #sql()} fails from now on.
   */
  public void release() {
    text = null;
  }

  private byte[] text() {
    byte[] bytes = text;
    if (bytes == null) {
      throw new IllegalStateException("the script's text was released when its audit ended");
    }
    return bytes;
  }

  /** The checksum {@code migrate deploy} would write for this script today. */
  public String checksum() {
    return checksum;
  }

  /**
   * False when the file is not valid UTF-8: Prisma hashed a lossy decoding, so a checksum
   * comparison is only as good as the decoder that agrees with it.
   */
  public boolean validUtf8() {
    return validUtf8;
  }

  /** The size in bytes of the script's text. */
  public int size() {
    return size;
  }

  /** Equal scripts hold the same text: the same size and SHA-256. */
  @Override
  public boolean equals(Object other) {
    return other instanceof MigrationScript script
        && script.size == size
        && MessageDigest.isEqual(script.digest, digest);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(digest);
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
      byte[] bytes = text();
      variants = new byte[][] {sha256(crlfToLf(bytes)), sha256(lfToCrlf(bytes))};
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
    return Arrays.copyOf(out, n);
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
