package io.driftwatch.environment;

import io.driftwatch.core.finding.Severity;
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

  /** Production alerts from warnings up; other tiers only on what blocks or breaks. */
  public Severity defaultAlertSeverity() {
    return switch (this) {
      case PRODUCTION -> Severity.WARNING;
      case STAGING, OTHER -> Severity.ERROR;
      case DEVELOPMENT -> Severity.CRITICAL;
    };
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
