package io.driftwatch.core.prisma.config;

import java.util.Objects;

/**
 * The value of one key of a Prisma config, as far as it can be known without running the file: a
 * path, the name of an environment variable, or "written in the file" for a URL whose text is not
 * kept.
 */
public sealed interface ConfigValue {

  /**
   * A path relative to the config file's folder, normalised: no {@code .} or empty segments, {@code
   * ..} folded where it can be, no trailing slash, {@code ""} for the folder itself. A path written
   * absolute stays absolute ({@code /etc/x}); the caller refuses it.
   */
  record Path(String relative) implements ConfigValue {
    public Path {
      Objects.requireNonNull(relative, "relative");
    }

    public boolean isAbsolute() {
      return relative.startsWith("/");
    }
  }

  /**
   * Read from an environment variable when Prisma runs: {@code env("X")}, {@code process.env.X}.
   */
  record FromEnvironment(String variable) implements ConfigValue {
    public FromEnvironment {
      Objects.requireNonNull(variable, "variable");
    }
  }

  /**
   * A URL written in the file. Its text is not kept: it may hold a password, and it says nothing
   * the audit needs beyond "set in the file".
   */
  record Literal() implements ConfigValue {}
}
