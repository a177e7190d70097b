package io.driftwatch.core.drift;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** Steps of many drifts as one script: phase order, a section comment per step, no step twice. */
final class Script {

  private Script() {}

  /**
   * The steps in phase order, by rank within a phase (deepest first where dropping), else in the
   * drifts' order. A step two drifts share (an enum recreated for two of its values) is kept once.
   */
  static List<Step> order(SchemaDrift drift, Function<Drift, List<Step>> side) {
    List<Step> steps = new ArrayList<>();
    drift.drifts().forEach(item -> steps.addAll(side.apply(item)));
    List<Step> sorted = new ArrayList<>(steps);
    sorted.sort(
        Comparator.comparing(Step::phase)
            .thenComparingInt(step -> step.phase().deepestFirst() ? -step.rank() : step.rank()));
    Set<String> seen = new LinkedHashSet<>();
    return sorted.stream().filter(step -> seen.add(step.sql())).toList();
  }

  static String render(List<Step> steps) {
    List<String> sections =
        steps.stream().map(step -> "-- " + step.phase().comment() + "\n" + step.sql()).toList();
    return String.join("\n\n", sections) + (sections.isEmpty() ? "" : "\n");
  }
}
