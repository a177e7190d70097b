package io.driftwatch.core.finding;

import io.driftwatch.core.evidence.Evidence;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A kind of finding, declared next to the rule that reports it. The code (two letters for the
 * concern, three digits) and the name are stable: never renumbered, never reused. They are the
 * suppression key and the anchor in the catalogue.
 *
 * @param summary one sentence for the catalogue
 */
public record FindingType(String code, String name, Severity severity, String summary) {

  private static final Pattern CODE = Pattern.compile("[A-Z]{2}\\d{3}");
  private static final List<Family> FAMILIES = List.of(Family.values());
  private static final Pattern NAME = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)*");

  public FindingType {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(summary, "summary");
    if (code == null || !CODE.matcher(code).matches()) {
      throw new IllegalArgumentException(
          "finding code must be two letters and three digits: " + code);
    }
    if (FAMILIES.stream().noneMatch(family -> code.startsWith(family.name()))) {
      throw new IllegalArgumentException("finding code must open with a family's letters: " + code);
    }
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("finding name must be SCREAMING_SNAKE_CASE: " + name);
    }
  }

  /** The concern a code belongs to, from its letters. */
  public Family family() {
    return Family.valueOf(code.substring(0, 2));
  }

  /** A finding about a database object or schema item rather than a migration. */
  public Finding about(String subject, Severity severity, String message, String help) {
    return new Finding(this, severity, null, message, help, null, subject);
  }

  public Finding at(String migration, String message, String help) {
    return new Finding(this, severity, migration, message, help, null);
  }

  public Finding at(String migration, Severity severity, String message, String help) {
    return new Finding(this, severity, migration, message, help, null);
  }

  public Finding at(
      String migration, Severity severity, String message, String help, Evidence evidence) {
    return new Finding(this, severity, migration, message, help, evidence);
  }
}
