package io.driftwatch.environment;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How much an environment matters; alert defaults and severity follow it. */
public enum Tier {
  PRODUCTION,
  STAGING,
  DEVELOPMENT,
  OTHER;

  public static final String VALUES = "production, staging, development, other";

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Tier parse(String value) {
    return Arrays.stream(values())
        .filter(tier -> tier.label().equals(value))
        .findFirst()
        .orElseThrow(
            () ->
                new InvalidEnvironmentException(
                    "tier must be one of "
                        + Arrays.stream(values()).map(Tier::label).collect(Collectors.joining(", "))
                        + " (got `"
                        + value
                        + "`)"));
  }
}
