package io.driftwatch.core.prisma.schema;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects problems while reading; stops listing after {@link #LIMIT}, so garbage input stays
 * cheap.
 */
final class Problems {

  static final int LIMIT = 100;

  private final List<SchemaProblem> problems = new ArrayList<>();

  void add(SchemaProblem.Code code, SourcePosition position, String message) {
    if (problems.size() < LIMIT) {
      problems.add(new SchemaProblem(code, position, message));
    }
  }

  /** Past the limit: callers may skip building messages nobody will see. */
  boolean full() {
    return problems.size() >= LIMIT;
  }

  boolean isEmpty() {
    return problems.isEmpty();
  }

  /** In the order files were read, then by line and column. */
  List<SchemaProblem> sorted(List<String> fileOrder) {
    List<SchemaProblem> sorted = new ArrayList<>(problems);
    sorted.sort(
        Comparator.<SchemaProblem>comparingInt(p -> fileOrder.indexOf(p.position().file()))
            .thenComparingInt(p -> p.position().line())
            .thenComparingInt(p -> p.position().column()));
    return sorted;
  }
}
