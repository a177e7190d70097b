package io.driftwatch.secrets;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for credentials at rest. A ciphertext reads {@code v1:<key id>:<base64(iv | data)>};
 * the key id (first 8 hex digits of the key's SHA-256) is also authenticated, so a ciphertext only
 * opens under the key that made it.
 *
 * <p>A keyring: new secrets are sealed under the current key; a secret sealed under a previous key
 * still opens, until {@link #reseal} moves it to the current one (key rotation). Without any key,
 * nothing can be sealed or opened and every attempt says how to configure one.
 */
public final class SecretCipher {

  private static final int IV_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final String VERSION = "v1";

  private final Optional<String> currentKeyId;
  private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
  private final String missingKeyAdvice;
  private final SecureRandom random = new SecureRandom();

  /** One key, nothing to rotate from. */
  public SecretCipher(byte[] key) {
    this(key, List.of());
  }

  /** The current key, and the keys that sealed older secrets. */
  public SecretCipher(byte[] current, List<byte[]> previous) {
    this.currentKeyId = Optional.of(add(current));
    previous.forEach(this::add);
    this.missingKeyAdvice = null;
  }

  private SecretCipher(String missingKeyAdvice) {
    this.currentKeyId = Optional.empty();
    this.missingKeyAdvice = missingKeyAdvice;
  }

  /** A cipher that refuses to seal or open anything, with this advice. */
  public static SecretCipher withoutKey(String advice) {
    return new SecretCipher(advice);
  }

  private String add(byte[] key) {
    if (key.length != 32) {
      throw new IllegalArgumentException(
          "a master key must be 256 bits (32 bytes), got " + key.length * 8 + " bits");
    }
    String id = keyIdOf(key);
    keys.putIfAbsent(id, new SecretKeySpec(key.clone(), "AES"));
    return id;
  }

  public static String keyIdOf(byte[] key) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(key))
          .substring(0, 8);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  public boolean hasKey() {
    return currentKeyId.isPresent();
  }

  /** The id of the key new secrets are sealed under. */
  public String keyId() {
    return currentKeyId.orElseThrow(() -> new NoMasterKeyException(missingKeyAdvice));
  }

  public String encrypt(String plaintext) {
    String id = keyId();
    byte[] iv = new byte[IV_BYTES];
    random.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, keys.get(id), new GCMParameterSpec(TAG_BITS, iv));
      cipher.updateAAD(aad(id));
      byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
      byte[] out = new byte[IV_BYTES + sealed.length];
      System.arraycopy(iv, 0, out, 0, IV_BYTES);
      System.arraycopy(sealed, 0, out, IV_BYTES, sealed.length);
      return VERSION + ":" + id + ":" + Base64.getEncoder().encodeToString(out);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is unavailable", e);
    }
  }

  public String decrypt(String ciphertext) {
    String[] parts = ciphertext.split(":", 3);
    if (parts.length != 3 || !parts[0].equals(VERSION)) {
      throw new SecretException("a stored secret has an unknown format");
    }
    if (currentKeyId.isEmpty()) {
      throw new NoMasterKeyException(missingKeyAdvice);
    }
    SecretKeySpec key = keys.get(parts[1]);
    if (key == null) {
      throw new SecretException(
          "a stored secret was encrypted under key "
              + parts[1]
              + ", which is neither the current master key ("
              + currentKeyId.get()
              + ") nor one of DRIFTWATCH_PREVIOUS_MASTER_KEYS");
    }
    try {
      byte[] in = Base64.getDecoder().decode(parts[2]);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, IV_BYTES));
      cipher.updateAAD(aad(parts[1]));
      return new String(cipher.doFinal(in, IV_BYTES, in.length - IV_BYTES), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new SecretException(
          "a stored secret could not be decrypted (tampered with, or another key)");
    }
  }

  /** Whether a ciphertext is sealed under the current key. */
  public boolean isCurrent(String ciphertext) {
    return currentKeyId.isPresent()
        && ciphertext.startsWith(VERSION + ":" + currentKeyId.get() + ":");
  }

  /** The same secret sealed under the current key; unchanged when it already is. */
  public String reseal(String ciphertext) {
    return isCurrent(ciphertext) ? ciphertext : encrypt(decrypt(ciphertext));
  }

  private static byte[] aad(String keyId) {
    return ("driftwatch:" + VERSION + ":" + keyId).getBytes(StandardCharsets.UTF_8);
  }
}
