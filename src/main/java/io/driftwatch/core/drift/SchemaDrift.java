package io.driftwatch.core.drift;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Every drift between two catalogs, in a stable order: extensions, enums, sequences, then tables
 * (each table's own drift, then its columns, constraints and indexes), views, functions and
 * procedures, triggers, each group by name.
 */
public record SchemaDrift(List<Drift> drifts) {

  public SchemaDrift {
    drifts = List.copyOf(drifts);
  }

  public boolean isEmpty() {
    return drifts.isEmpty();
  }

  public int size() {
    return drifts.size();
  }

  public long count(DriftKind kind) {
    return drifts.stream().filter(drift -> drift.kind() == kind).count();
  }

  /** How many drifts of each kind that occurs, in the kinds' order. */
  public Map<DriftKind, Long> counts() {
    Map<DriftKind, Long> counts = new EnumMap<>(DriftKind.class);
    drifts.forEach(drift -> counts.merge(drift.kind(), 1L, Long::sum));
    return Collections.unmodifiableMap(counts);
  }

  public List<Drift> ofKind(DriftKind kind) {
    return drifts.stream().filter(drift -> drift.kind() == kind).toList();
  }
}
