package io.driftwatch.metrics;

import io.driftwatch.audit.report.AuditReport;
import io.driftwatch.audit.report.AuditSummary;
import io.driftwatch.core.Outcome;
import io.driftwatch.core.finding.Family;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.history.HistoryState;
import io.driftwatch.core.history.MigrationState;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What Prometheus scrapes about each watched environment, from its latest audit. Labels are the
 * environment's name and tier only (never a migration name: that would grow without bound). Every
 * series is documented in the README.
 */
@ApplicationScoped
public class AuditMetrics {

  static final String MIGRATIONS = "driftwatch.migrations";
  static final String FINDINGS = "driftwatch.findings";
  static final String IN_SYNC = "driftwatch.in.sync";
  static final String LAST_AUDIT = "driftwatch.last.audit.timestamp";
  static final String LAST_SUCCESS = "driftwatch.last.successful.audit.timestamp";
  static final String DURATION = "driftwatch.audit.duration";
  static final String ERRORS = "driftwatch.audit.errors";
  static final String DRIFT_OBJECTS = "driftwatch.drift.objects";
  static final String COVERAGE = "driftwatch.coverage.ratio";

  private final MeterRegistry registry;
  private final Map<Meter.Id, AtomicLong> gauges = new ConcurrentHashMap<>();

  public AuditMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** After an audit was stored. */
  public void audited(AuditReport report) {
    Tags environment = tags(report.environment(), report.tier());
    Timer.builder(DURATION)
        .description("How long audits take, from reading both sides to the judged report")
        .tags(environment.and("outcome", report.outcome().name()))
        .publishPercentileHistogram()
        .register(registry)
        .record(Duration.ofMillis(report.durationMs()));
    if (report.outcome() == Outcome.ERROR) {
      Counter.builder(ERRORS).description("Audits that could not read the source or the database")
          .tags(environment).register(registry).increment();
    }
    show(report.summary());
  }

  /** From the latest stored audit of an environment: at start-up, so a restart does not blank the dashboards. */
  public void show(AuditSummary summary) {
    Tags environment = tags(summary.environment(), summary.tier());
    boolean failed = summary.outcome() == Outcome.ERROR;
    double finished = summary.finishedAt().toEpochMilli() / 1000.0;
    set(LAST_AUDIT, "Time of the latest audit", "seconds", environment, finished);
    if (!failed) {
      set(LAST_SUCCESS, "Time of the latest audit that could read both sides", "seconds", environment, finished);
      for (MigrationState state : MigrationState.values()) {
        set(MIGRATIONS, "Migrations by state at the latest successful audit", null,
            environment.and("state", state.name()), summary.migrations().getOrDefault(state.name(), 0));
      }
      Map<String, Map<String, Integer>> byFamily = summary.findingsByFamily() == null ? Map.of() : summary.findingsByFamily();
      for (Family family : Family.values()) {
        for (Severity severity : Severity.values()) {
          set(FINDINGS, "Open findings at the latest successful audit, by code family and severity", null,
              environment.and("family", family.name()).and("severity", severity.name()),
              byFamily.getOrDefault(family.name(), Map.of()).getOrDefault(severity.name(), 0));
        }
      }
    }
    if (!failed && summary.driftObjects() != null) {
      set(DRIFT_OBJECTS, "Database objects that differ from what the applied migrations create, at the latest audit "
          + "that checked drift", null, environment, summary.driftObjects());
    }
    if (!failed && summary.coverageRatio() != null) {
      set(COVERAGE, "Share of schema.prisma (models, fields, enum values) the applied migrations create", null,
          environment, summary.coverageRatio());
    }
    set(IN_SYNC, "1 when the latest audit read both sides and found the history in sync, else 0", null, environment,
        !failed && summary.historyState() == HistoryState.IN_SYNC ? 1 : 0);
  }

  /** After an environment was deleted or renamed: its series disappear. */
  public void forget(String environment) {
    gauges.keySet().removeIf(id -> environment.equals(id.getTag("environment")));
    registry.getMeters().stream()
        .filter(meter -> meter.getId().getName().startsWith("driftwatch."))
        .filter(meter -> environment.equals(meter.getId().getTag("environment")))
        .toList()
        .forEach(registry::remove);
  }

  private void set(String name, String description, String unit, Tags tags, double value) {
    Meter.Id id = new Meter.Id(name, tags, unit, description, Meter.Type.GAUGE);
    AtomicLong bits = gauges.computeIfAbsent(id, ignored -> {
      AtomicLong created = new AtomicLong();
      Gauge.builder(name, created, held -> Double.longBitsToDouble(held.get()))
          .description(description).baseUnit(unit).tags(tags).register(registry);
      return created;
    });
    bits.set(Double.doubleToRawLongBits(value));
  }

  private static Tags tags(String environment, String tier) {
    return Tags.of("environment", environment, "tier", tier);
  }
}
