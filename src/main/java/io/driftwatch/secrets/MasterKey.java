package io.driftwatch.secrets;

import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.support.OwnerOnlyFiles;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * Produces the {@link SecretCipher}: DRIFTWATCH_MASTER_KEY, plus DRIFTWATCH_PREVIOUS_MASTER_KEYS
 * while secrets are being moved to a new key. Without a configured key, only the quick start (the
 * embedded store) generates one, kept in {@code <data-dir>/master.key}; any other install refuses
 * to store secrets until a key is configured.
 */
@ApplicationScoped
public class MasterKey {

  private static final Logger LOG = Logger.getLogger(MasterKey.class);
  static final String NO_KEY =
      "no master key is configured, so driftwatch cannot store or read credentials: "
          + "set DRIFTWATCH_MASTER_KEY to base64 of 32 random bytes (openssl rand -base64 32)";

  /**
   * Creates (or reads) the key at start-up, on the main thread, not on first use on an event loop.
   */
  void onStart(@Observes StartupEvent event, SecretCipher cipher) {
    if (cipher.hasKey()) {
      LOG.debugf("stored secrets are encrypted under key %s", cipher.keyId());
    }
  }

  @Produces
  @ApplicationScoped
  SecretCipher cipher(DriftwatchConfig config) {
    return cipherFor(
        config.masterKey().orElse(null),
        config.previousMasterKeys().orElse(List.of()),
        config.quickStart(),
        Path.of(config.dataDir()));
  }

  static SecretCipher cipherFor(
      String masterKey, List<String> previousKeys, boolean quickStart, Path dataDir) {
    List<byte[]> previous = previousKeys.stream().map(MasterKey::decode).toList();
    if (masterKey != null) {
      return new SecretCipher(decode(masterKey), previous);
    }
    if (!quickStart) {
      LOG.warn(
          "No DRIFTWATCH_MASTER_KEY configured: environments with credentials cannot be stored or audited "
              + "until one is (openssl rand -base64 32)");
      return SecretCipher.withoutKey(NO_KEY);
    }
    Path file = dataDir.resolve("master.key");
    boolean created = OwnerOnlyFiles.createIfAbsent(file, MasterKey::randomKey);
    if (created) {
      LOG.warnf(
          "Quick start: no DRIFTWATCH_MASTER_KEY configured, so a master key was generated in %s. Back it up: "
              + "without it the stored credentials cannot be read.",
          file);
    } else {
      LOG.infof("Quick start: using the master key kept in %s", file);
    }
    return new SecretCipher(decode(OwnerOnlyFiles.read(file)), previous);
  }

  private static String randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return Base64.getEncoder().encodeToString(key);
  }

  private static byte[] decode(String base64) {
    try {
      return Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "a master key must be base64 of 32 random bytes (openssl rand -base64 32)");
    }
  }
}
