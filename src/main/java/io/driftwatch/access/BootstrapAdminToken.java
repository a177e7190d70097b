package io.driftwatch.access;

import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.support.OwnerOnlyFiles;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The admin token that makes a fresh install usable: DRIFTWATCH_ADMIN_TOKEN, or, in the quick start
 * only, one generated once into {@code <data-dir>/admin.token} (owner-only). Kept as a hash; the
 * log names the file, never the token.
 */
@ApplicationScoped
public class BootstrapAdminToken {

  static final int MIN_LENGTH = 24;
  private static final Logger LOG = Logger.getLogger(BootstrapAdminToken.class);

  private final Optional<String> hash;

  public BootstrapAdminToken(DriftwatchConfig config) {
    this.hash =
        configured(config.adminToken(), config.quickStart(), Path.of(config.dataDir()))
            .map(TokenSecret::hash);
  }

  /**
   * At start-up, not at the first request: the quick start's token file must exist before anyone
   * asks.
   */
  void onStart(@Observes StartupEvent event) {
    LOG.debugf("bootstrap admin token %s", hash.isPresent() ? "configured" : "not configured");
  }

  static Optional<String> configured(
      Optional<String> adminToken, boolean quickStart, Path dataDir) {
    if (adminToken.isPresent()) {
      String token = adminToken.get().strip();
      if (token.length() < MIN_LENGTH) {
        throw new IllegalStateException(
            "DRIFTWATCH_ADMIN_TOKEN must be at least "
                + MIN_LENGTH
                + " characters (for example: openssl rand -base64 32)");
      }
      return Optional.of(token);
    }
    if (quickStart) {
      Path file = dataDir.resolve("admin.token");
      boolean created = OwnerOnlyFiles.createIfAbsent(file, TokenSecret::generate);
      LOG.infof(
          "Quick start: the admin token %s %s (set DRIFTWATCH_ADMIN_TOKEN to choose your own)",
          created ? "was generated into" : "is kept in", file);
      return Optional.of(OwnerOnlyFiles.read(file));
    }
    LOG.info(
        "No DRIFTWATCH_ADMIN_TOKEN configured: only issued tokens (and OIDC, if enabled) are accepted");
    return Optional.empty();
  }

  public boolean matches(String token) {
    return hash.isPresent() && TokenSecret.sameHash(hash.get(), TokenSecret.hash(token));
  }
}
