package io.driftwatch.secrets;

import io.driftwatch.config.DriftwatchConfig;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.jboss.logging.Logger;

/**
 * Produces the {@link SecretCipher} from DRIFTWATCH_MASTER_KEY, or from a key generated once and kept
 * in {@code <data-dir>/master.key} (owner-only) when none is configured, as the quick start needs.
 */
@ApplicationScoped
public class MasterKey {

  private static final Logger LOG = Logger.getLogger(MasterKey.class);

  /** Creates (or reads) the key at start-up, on the main thread, not on first use on an event loop. */
  void onStart(@Observes StartupEvent event, SecretCipher cipher) {
    LOG.debugf("stored secrets are encrypted under key %s", cipher.keyId());
  }

  @Produces
  @ApplicationScoped
  SecretCipher cipher(DriftwatchConfig config) {
    if (config.masterKey().isPresent()) {
      return new SecretCipher(decode(config.masterKey().get()));
    }
    Path file = Path.of(config.dataDir()).resolve("master.key");
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(file.getParent());
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n", StandardCharsets.US_ASCII);
        trySetOwnerOnly(file);
        LOG.warnf("No DRIFTWATCH_MASTER_KEY configured: generated a master key in %s. Back it up: without it the "
            + "stored credentials cannot be read.", file);
      } else {
        LOG.infof("No DRIFTWATCH_MASTER_KEY configured: using the master key kept in %s", file);
      }
      return new SecretCipher(decode(Files.readString(file, StandardCharsets.US_ASCII).strip()));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create or read the master key file " + file, e);
    }
  }

  private static byte[] decode(String base64) {
    try {
      return Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("DRIFTWATCH_MASTER_KEY must be base64 of 32 random bytes (openssl rand -base64 32)");
    }
  }

  private static void trySetOwnerOnly(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      LOG.debugf("cannot restrict permissions of %s on this file system", file);
    }
  }
}
