package io.driftwatch.core.gate;

import java.util.List;

/**
 * What a gate fails and warns on. A finding the policy fails on makes the verdict {@code FAIL}; one
 * it warns on (and does not fail on) at least {@code WARN}.
 *
 * @param failOn the findings that fail the gate
 * @param warnOn the findings that warn
 */
public record GatePolicy(List<FindingSelector> failOn, List<FindingSelector> warnOn) {

  /**
   * The default: fail on anything that makes the next deploy fail or lose data, or that a deploy
   * would make worse; warn on the rest at warning level.
   *
   * <ul>
   *   <li>deploy fails: a failed migration (HI004, P3009), a schema with tables but no history
   *       (HI008, P3005), a folder without a script (DH001, P3015), another provider (DH002,
   *       P3019), CONCURRENTLY in a transaction (MS007), a pending migration that will fail (MS018,
   *       MS019) or a failed one that fails again (MS021);
   *   <li>data lost or locked: a safety finding at ERROR or worse (raised so on tables with rows);
   *   <li>made worse: a phantom or edited migration, diverged histories (HI002, HI005, HI003), a
   *       Prisma 8 marker no ref produces (HI014), schema drift on a production tier.
   * </ul>
   */
  public static final GatePolicy DEFAULT =
      of(
          List.of(
              "HI002",
              "HI003",
              "HI004",
              "HI005",
              "HI008",
              "HI014",
              "DH001",
              "DH002",
              "MS007",
              "MS018",
              "MS019",
              "MS021",
              "MS:ERROR",
              "SD:WARNING@production"),
          List.of("*:WARNING"));

  public GatePolicy {
    failOn = List.copyOf(failOn);
    warnOn = List.copyOf(warnOn);
  }

  /**
   * This policy with either list replaced: a null list keeps this one's.
   *
   * @param failOnOrNull the findings that fail instead, or null
   * @param warnOnOrNull the findings that warn instead, or null
   */
  public GatePolicy with(List<FindingSelector> failOnOrNull, List<FindingSelector> warnOnOrNull) {
    return new GatePolicy(
        failOnOrNull == null ? failOn : failOnOrNull, warnOnOrNull == null ? warnOn : warnOnOrNull);
  }

  /**
   * @throws IllegalArgumentException naming the first selector that does not parse
   */
  public static GatePolicy of(List<String> failOn, List<String> warnOn) {
    return new GatePolicy(
        failOn.stream().map(FindingSelector::parse).toList(),
        warnOn.stream().map(FindingSelector::parse).toList());
  }
}
