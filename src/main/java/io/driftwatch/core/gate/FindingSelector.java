package io.driftwatch.core.gate;

import io.driftwatch.core.finding.Family;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.Severity;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which findings a gate line is about, written as a pipeline owner writes it: {@code HI004} (one
 * code), {@code MS} (a family), {@code *} (any), each optionally with {@code :SEVERITY} (that
 * severity or worse) and {@code @tier} (only on environments of that tier): {@code MS:ERROR},
 * {@code SD@production}, {@code *:CRITICAL}.
 *
 * @param code the finding code, when the selector names one
 * @param family the family, when the selector names one
 * @param atLeast the lowest severity it takes; empty for any
 * @param tier the only tier it applies on ({@code production}); empty for any
 */
public record FindingSelector(
    Optional<String> code,
    Optional<Family> family,
    Optional<Severity> atLeast,
    Optional<String> tier) {

  private static final Pattern SYNTAX =
      Pattern.compile(
          "(?<what>[A-Z]{2}\\d{3}|[A-Z]{2}|\\*)(?::(?<severity>[A-Z]+))?(?:@(?<tier>[a-z]+))?");

  /**
   * @throws IllegalArgumentException naming what is wrong, with the syntax
   */
  public static FindingSelector parse(String text) {
    if (text == null) {
      throw new IllegalArgumentException("a gate selector is empty: " + SYNTAX_HELP);
    }
    Matcher matcher = SYNTAX.matcher(text.strip());
    if (!matcher.matches()) {
      throw new IllegalArgumentException("`" + text + "` is not a gate selector: " + SYNTAX_HELP);
    }
    String what = matcher.group("what");
    Optional<String> code = what.length() == 5 ? Optional.of(what) : Optional.empty();
    Optional<Family> family = Optional.empty();
    if (what.length() == 2) {
      try {
        family = Optional.of(Family.valueOf(what));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "`" + text + "` names no finding family (HI, DH, SD, CV, MS): " + SYNTAX_HELP);
      }
    }
    Optional<Severity> severity = Optional.empty();
    if (matcher.group("severity") != null) {
      try {
        severity = Optional.of(Severity.valueOf(matcher.group("severity")));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "`" + text + "` names no severity (INFO, WARNING, ERROR, CRITICAL): " + SYNTAX_HELP);
      }
    }
    return new FindingSelector(code, family, severity, Optional.ofNullable(matcher.group("tier")));
  }

  static final String SYNTAX_HELP =
      "write a code (HI004), a family (MS) or * , optionally :SEVERITY (MS:ERROR) and @tier"
          + " (SD@production)";

  /** Whether a finding of an environment of this tier is one this selector is about. */
  public boolean matches(Finding finding, String environmentTier) {
    return code.map(finding.code()::equals).orElse(true)
        && family.map(f -> finding.type().family() == f).orElse(true)
        && atLeast.map(finding.severity()::atLeast).orElse(true)
        && tier.map(t -> t.equals(environmentTier.toLowerCase(Locale.ROOT))).orElse(true);
  }

  /** As written: {@code MS:ERROR@production}. */
  @Override
  public String toString() {
    return code.or(() -> family.map(Family::name)).orElse("*")
        + atLeast.map(s -> ":" + s.name()).orElse("")
        + tier.map(t -> "@" + t).orElse("");
  }
}
