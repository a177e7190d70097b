package io.driftwatch.core.coverage;

import io.driftwatch.core.coverage.CoverageItem.Kind;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * Counts of a report's items (ignored ones excluded), by kind and status.
 *
 * <p>The ratio counts the kinds marked {@link Kind#counted()}: models, views, fields, enum values
 * and join tables. Enum types are left out because their values stand for them: a type is never
 * created without values, and counting both would weigh an enum twice. Nothing {@code @ignore}d or
 * {@code @@ignore}d is counted.
 *
 * @param counts items per kind and status; every kind and status is present, zero included
 * @param countedItems items of the counted kinds
 * @param coveredItems of those, the COVERED ones
 */
public record CoverageSummary(
    Map<Kind, Map<CoverageStatus, Integer>> counts, int countedItems, int coveredItems) {

  public CoverageSummary {
    Map<Kind, Map<CoverageStatus, Integer>> copy = new EnumMap<>(Kind.class);
    for (Kind kind : Kind.values()) {
      Map<CoverageStatus, Integer> byStatus = new EnumMap<>(CoverageStatus.class);
      for (CoverageStatus status : CoverageStatus.values()) {
        byStatus.put(status, counts.getOrDefault(kind, Map.of()).getOrDefault(status, 0));
      }
      copy.put(kind, Collections.unmodifiableMap(byStatus));
    }
    counts = Collections.unmodifiableMap(copy);
  }

  static CoverageSummary of(List<CoverageItem> items) {
    Map<Kind, Map<CoverageStatus, Integer>> counts = new EnumMap<>(Kind.class);
    int counted = 0;
    int covered = 0;
    for (CoverageItem item : items) {
      counts
          .computeIfAbsent(item.kind(), k -> new EnumMap<>(CoverageStatus.class))
          .merge(item.status(), 1, Integer::sum);
      if (item.kind().counted()) {
        counted++;
        if (item.status() == CoverageStatus.COVERED) {
          covered++;
        }
      }
    }
    return new CoverageSummary(counts, counted, covered);
  }

  public int count(Kind kind, CoverageStatus status) {
    return counts.get(kind).get(status);
  }

  /** Items of every kind (enum types included) with this status. */
  public int count(CoverageStatus status) {
    return counts.values().stream().mapToInt(byStatus -> byStatus.get(status)).sum();
  }

  /** Items of this kind, whatever their status. */
  public int count(Kind kind) {
    return counts.get(kind).values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * Covered items over counted items, in [0, 1]; empty when there is nothing to count: that is
   * unknown, not 100 %.
   */
  public OptionalDouble ratio() {
    return countedItems == 0
        ? OptionalDouble.empty()
        : OptionalDouble.of((double) coveredItems / countedItems);
  }
}
