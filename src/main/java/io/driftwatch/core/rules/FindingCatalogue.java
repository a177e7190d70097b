package io.driftwatch.core.rules;

import io.driftwatch.core.finding.Family;
import io.driftwatch.core.finding.FindingType;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Every finding type of every registered rule, by code: the source of the catalogue endpoint and
 * docs.
 */
public final class FindingCatalogue {

  private FindingCatalogue() {}

  public static List<FindingType> types() {
    return Rules.types().stream()
        .sorted(
            Comparator.comparing((FindingType t) -> t.family().ordinal())
                .thenComparing(FindingType::code))
        .toList();
  }

  /** The catalogue as Markdown, for the README. */
  public static String markdown() {
    StringBuilder out = new StringBuilder();
    for (Family family : Family.values()) {
      out.append("\n**")
          .append(family.name())
          .append(" — ")
          .append(family.description())
          .append("**\n\n");
      out.append("| code | name | severity | what it means |\n|---|---|---|---|\n");
      for (FindingType type : types()) {
        if (type.family() == family) {
          out.append("| ")
              .append(type.code())
              .append(" | `")
              .append(type.name())
              .append("` | ")
              .append(type.severity().name().toLowerCase(Locale.ROOT))
              .append(" | ")
              .append(type.summary())
              .append(" |\n");
        }
      }
    }
    return out.toString();
  }
}
