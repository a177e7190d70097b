package io.driftwatch.audit;

import io.driftwatch.audit.report.CoverageView;
import io.driftwatch.audit.report.DriftReport;
import io.driftwatch.core.SchemaContext;
import io.driftwatch.core.coverage.CoverageItem;
import io.driftwatch.core.coverage.CoverageReport;
import io.driftwatch.core.coverage.CoverageStatus;
import io.driftwatch.core.drift.Drift;
import io.driftwatch.core.drift.RestorePlan;
import io.driftwatch.core.drift.SchemaDrift;
import io.driftwatch.core.replay.ExpectedSchema;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** The drift and coverage sections of a report, from what the schema rules saw. */
final class SchemaReports {

  private SchemaReports() {}

  static DriftReport drift(SchemaContext context) {
    Integer shadow = context.expected().map(ExpectedSchema::shadowServerMajorVersion).orElse(null);
    Integer database = context.live().map(catalog -> catalog.serverMajorVersion()).orElse(null);
    boolean cached = context.expected().map(ExpectedSchema::cached).orElse(false);
    if (context.unavailable().isPresent()) {
      return notChecked(
          DriftReport.Status.NOT_CHECKED, context.unavailable().get(), shadow, database);
    }
    if (context.expected().flatMap(ExpectedSchema::failure).isPresent()) {
      ExpectedSchema.ReplayFailure failure = context.expected().get().failure().get();
      return notChecked(
          DriftReport.Status.REPLAY_FAILED,
          "`" + failure.migration() + "`, replayed on a fresh database, " + failure.verdict(),
          shadow,
          database);
    }
    if (context.drift().isEmpty()) {
      return notChecked(
          DriftReport.Status.NOT_CHECKED, "the database's catalog was not read", shadow, database);
    }
    SchemaDrift drift = context.drift().get();
    Map<String, Long> byKind = new LinkedHashMap<>();
    drift.counts().forEach((kind, count) -> byKind.put(kind.name(), count));
    List<DriftReport.Item> items = drift.drifts().stream().map(SchemaReports::item).toList();
    DriftReport.CatchUp catchUp =
        context
            .catchUp()
            .map(c -> new DriftReport.CatchUp(c.name(), c.sql(), c.commands()))
            .orElse(null);
    DriftReport.Restore restore = drift.isEmpty() ? null : restore(RestorePlan.from(drift));
    return new DriftReport(
        DriftReport.Status.CHECKED,
        null,
        cached,
        shadow,
        database,
        drift.size(),
        byKind,
        items,
        catchUp,
        restore);
  }

  private static DriftReport notChecked(
      DriftReport.Status status, String reason, Integer shadow, Integer database) {
    return new DriftReport(
        status, reason, false, shadow, database, 0, Map.of(), List.of(), null, null);
  }

  private static DriftReport.Item item(Drift drift) {
    return new DriftReport.Item(
        drift.kind().name(),
        drift.object().schema() + "." + drift.object().name(),
        drift.member(),
        drift.description(),
        drift.liveDdl(),
        drift.restoreSql());
  }

  private static DriftReport.Restore restore(RestorePlan plan) {
    return new DriftReport.Restore(plan.sql(), plan.dataLoss());
  }

  /**
   * The coverage section: measured, or UNKNOWN with the reason and the files read (never a ratio
   * over nothing).
   */
  static CoverageView coverage(SchemaContext context) {
    Optional<String> unknown = context.coverageUnknown();
    Optional<CoverageReport> report = context.coverage();
    Map<String, Integer> byStatus = new LinkedHashMap<>();
    for (CoverageStatus status : CoverageStatus.values()) {
      byStatus.put(status.name(), report.map(r -> r.summary().count(status)).orElse(0));
    }
    OptionalDouble ratio = report.map(r -> r.summary().ratio()).orElse(OptionalDouble.empty());
    return new CoverageView(
        unknown.isPresent() ? "UNKNOWN" : "MEASURED",
        unknown.orElse(null),
        unknown.isPresent() || ratio.isEmpty() ? null : ratio.getAsDouble(),
        report.map(r -> r.summary().countedItems()).orElse(0),
        report.map(r -> r.summary().coveredItems()).orElse(0),
        report.map(CoverageReport::liveRead).orElse(context.live().isPresent()),
        context.schemaRead().lookedFor(),
        context.schemaRead().files(),
        byStatus,
        report.map(r -> r.items().stream().map(SchemaReports::item).toList()).orElse(List.of()),
        report.map(r -> r.ignored().stream().map(SchemaReports::item).toList()).orElse(List.of()));
  }

  private static CoverageView.Item item(CoverageItem item) {
    return new CoverageView.Item(
        item.kind().name(),
        item.prismaName(),
        item.databaseName(),
        item.status().name(),
        item.createdByMigration(),
        item.live(),
        item.help().orElse(null));
  }
}
