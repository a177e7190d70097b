package io.driftwatch.audit.report;

import java.util.List;
import java.util.Map;

/**
 * How much of schema.prisma the applied migrations create.
 *
 * @param ratio covered ÷ counted items (models, views, fields, enum values, join tables; ignored ones left out)
 * @param liveRead whether the live database was compared too
 * @param byStatus counted items per status
 * @param ignored items marked {@code @ignore}/{@code @@ignore}, not counted
 */
public record CoverageView(
    double ratio,
    int counted,
    int covered,
    boolean liveRead,
    Map<String, Integer> byStatus,
    List<Item> items,
    List<Item> ignored) {

  /**
   * @param kind MODEL, VIEW, FIELD, ENUM, ENUM_VALUE or JOIN_TABLE
   * @param status COVERED (a migration creates it), LIVE_ONLY (only the database has it: db push), MISSING
   *     (neither), UNCOVERED (no migration creates it; the database was not read)
   * @param help the command that closes the gap, for items no migration creates
   */
  public record Item(String kind, String prismaName, String databaseName, String status, boolean createdByMigration,
      boolean live, String help) {}
}
