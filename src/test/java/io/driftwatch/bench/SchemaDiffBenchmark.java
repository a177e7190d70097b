package io.driftwatch.bench;

import io.driftwatch.core.drift.SchemaDiff;
import io.driftwatch.core.drift.SchemaDrift;
import io.driftwatch.core.drift.WideCatalog;
import org.junit.jupiter.api.Test;

/**
 * Prints what comparing one wide table costs: N columns, N check constraints, N indexes (the live
 * side missing every other one of each) and an enum of N values on both sides. Linear when the time
 * grows with N, not N squared. Not part of the test suite: {@code mvn test
 * -Dtest=SchemaDiffBenchmark}.
 */
class SchemaDiffBenchmark {

  @Test
  void wide_table_costs() {
    compare(1_000); // warm-up
    for (int n : new int[] {1_000, 5_000, 20_000, 50_000}) {
      long start = System.nanoTime();
      SchemaDrift drift = compare(n);
      long millis = (System.nanoTime() - start) / 1_000_000;
      System.out.printf(
          "SchemaDiff wide table: %,6d columns, checks, indexes, enum values  %,6d ms  %,6d drifts%n",
          n, millis, drift.drifts().size());
    }
  }

  static SchemaDrift compare(int n) {
    return SchemaDiff.compare(WideCatalog.of(n, 1), WideCatalog.of(n, 2));
  }
}
