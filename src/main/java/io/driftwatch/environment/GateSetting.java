package io.driftwatch.environment;

import io.driftwatch.core.gate.FindingSelector;
import java.util.List;

/**
 * An environment's own gate policy as written: either list may be null, and then the default's
 * applies (and follows it when a release changes it).
 *
 * @param failOn the selectors that fail its checks, or null for the default's
 * @param warnOn the selectors that warn, or null for the default's
 */
public record GateSetting(List<String> failOn, List<String> warnOn) {

  public GateSetting {
    failOn = failOn == null ? null : failOn.stream().map(String::strip).toList();
    warnOn = warnOn == null ? null : warnOn.stream().map(String::strip).toList();
  }

  /**
   * @throws InvalidEnvironmentException naming the list and the selector that does not parse
   */
  void validate() {
    parse("gate.failOn", failOn);
    parse("gate.warnOn", warnOn);
  }

  /** A stored list (one selector per line) as selectors; null for none stored. */
  static List<FindingSelector> stored(String lines) {
    return lines == null ? null : parse("gate", List.of(lines.split("\n")));
  }

  /** A list as stored: one selector per line; null keeps the default's. */
  static String store(List<String> selectors) {
    return selectors == null ? null : String.join("\n", selectors);
  }

  private static List<FindingSelector> parse(String key, List<String> selectors) {
    if (selectors == null) {
      return null;
    }
    try {
      return selectors.stream().map(FindingSelector::parse).toList();
    } catch (IllegalArgumentException e) {
      throw new InvalidEnvironmentException(key + ": " + e.getMessage());
    }
  }
}
