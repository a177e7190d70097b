package io.driftwatch.core.coverage;

import io.driftwatch.core.coverage.CoverageItem.Kind;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What the migrations create of a Prisma schema, item by item: models and their fields, then views,
 * join tables, enums and their values, in schema order.
 *
 * @param defaultSchema the schema of objects without {@code @@schema}
 * @param liveRead whether the live database was read; without it no item is LIVE_ONLY or MISSING,
 *     and {@code live} is false everywhere
 * @param items what is checked and counted
 * @param ignored what {@code @ignore}/{@code @@ignore} leaves out (fields of an ignored model, join
 *     tables with an ignored side), with the same facts, in no count
 */
public record CoverageReport(
    String defaultSchema, boolean liveRead, List<CoverageItem> items, List<CoverageItem> ignored) {

  public CoverageReport {
    Objects.requireNonNull(defaultSchema, "defaultSchema");
    items = List.copyOf(items);
    ignored = List.copyOf(ignored);
  }

  /** Counts and ratio, computed on each call. */
  public CoverageSummary summary() {
    return CoverageSummary.of(items);
  }

  public List<CoverageItem> items(Kind kind) {
    return items.stream().filter(item -> item.kind() == kind).toList();
  }

  public List<CoverageItem> items(CoverageStatus status) {
    return items.stream().filter(item -> item.status() == status).toList();
  }

  /** The items no migration creates: LIVE_ONLY, MISSING and UNCOVERED. */
  public List<CoverageItem> notCreatedByMigrations() {
    return items.stream().filter(item -> !item.createdByMigration()).toList();
  }

  /**
   * A checked item by kind and Prisma name ({@code User}, {@code User.email}, {@code Role.ADMIN}).
   */
  public Optional<CoverageItem> item(Kind kind, String prismaName) {
    return items.stream()
        .filter(item -> item.kind() == kind && item.prismaName().equals(prismaName))
        .findFirst();
  }

  /** An ignored item by kind and Prisma name. */
  public Optional<CoverageItem> ignoredItem(Kind kind, String prismaName) {
    return ignored.stream()
        .filter(item -> item.kind() == kind && item.prismaName().equals(prismaName))
        .findFirst();
  }
}
