package io.driftwatch.source;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads {@code provider} from {@code migration_lock.toml}. Written by hand on purpose: Prisma
 * writes one fixed line, {@code provider = "postgresql"}, and a TOML library for one key would be
 * heavier than the file.
 */
public final class LockFile {

  private static final Pattern PROVIDER =
      Pattern.compile("^\\s*provider\\s*=\\s*\"([^\"]*)\"\\s*(#.*)?$", Pattern.MULTILINE);

  private LockFile() {}

  public static Optional<String> provider(String toml) {
    Matcher matcher = PROVIDER.matcher(toml);
    return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
  }
}
