package io.driftwatch.audit.report;

import java.util.List;
import java.util.Map;

/**
 * How much of schema.prisma the applied migrations create.
 *
 * @param status MEASURED, or UNKNOWN when nothing could be counted (no schema found, one that
 *     cannot be read or declares nothing, migrations not replayed): never a ratio of 1.0 over
 *     nothing
 * @param reason why the coverage is unknown, and what to set; null when measured
 * @param ratio covered ÷ counted items (models, views, fields, enum values, join tables; ignored
 *     ones left out); null when unknown
 * @param liveRead whether the live database was compared too
 * @param schemaLookedFor where the schema was looked for in the source
 * @param schemaFiles the schema files read there
 * @param byStatus counted items per status
 * @param ignored items marked {@code @ignore}/{@code @@ignore}, not counted
 */
public record CoverageView(
    String status,
    String reason,
    Double ratio,
    int counted,
    int covered,
    boolean liveRead,
    String schemaLookedFor,
    List<String> schemaFiles,
    Map<String, Integer> byStatus,
    List<Item> items,
    List<Item> ignored) {

  /**
   * @param kind MODEL, VIEW, FIELD, ENUM, ENUM_VALUE or JOIN_TABLE
   * @param status COVERED (a migration creates it), LIVE_ONLY (only the database has it: db push),
   *     MISSING (neither), UNCOVERED (no migration creates it; the database was not read)
   * @param help the command that closes the gap, for items no migration creates
   */
  public record Item(
      String kind,
      String prismaName,
      String databaseName,
      String status,
      boolean createdByMigration,
      boolean live,
      String help) {}
}
