package io.driftwatch.metrics;

import io.driftwatch.audit.AuditListener;
import io.driftwatch.audit.report.AuditReport;
import io.driftwatch.audit.report.AuditSummary;
import io.driftwatch.core.Outcome;
import io.driftwatch.core.finding.Family;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.history.HistoryOwner;
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
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TimeZone;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What Prometheus scrapes about each watched environment. Labels are the environment's name and
 * tier only (never a migration name: that would grow without bound). An environment has its series
 * from its creation on, before any audit; each replica shows what the store holds (MetricsFromStore
 * reads it at start-up and every refresh interval) and what its own audits found since. Every
 * series is documented in the README.
 */
@ApplicationScoped
public class AuditMetrics implements AuditListener {

  static final String ENVIRONMENTS = "driftwatch.environments";
  static final String CREATED = "driftwatch.environment.created.timestamp";
  static final String SCHEDULE_PERIOD = "driftwatch.schedule.period";
  static final String ERROR_STREAK = "driftwatch.audit.consecutive.errors";
  static final String MIGRATIONS = "driftwatch.migrations";
  static final String FINDINGS = "driftwatch.findings";
  static final String IN_SYNC = "driftwatch.in.sync";
  static final String LAST_AUDIT = "driftwatch.last.audit.timestamp";
  static final String LAST_SUCCESS = "driftwatch.last.successful.audit.timestamp";
  static final String DURATION = "driftwatch.audit.duration";
  static final String ERRORS = "driftwatch.audit.errors";
  static final String DRIFT_OBJECTS = "driftwatch.drift.objects";
  static final String COVERAGE = "driftwatch.coverage.ratio";
  static final String HISTORY_OWNER = "driftwatch.history.owner";

  private final MeterRegistry registry;
  private final Map<Meter.Id, AtomicLong> gauges = new ConcurrentHashMap<>();

  /** What is shown of each environment, by name. */
  private final Map<String, Shown> shown = new ConcurrentHashMap<>();

  private final SchedulePeriod periods = new SchedulePeriod(TimeZone.getDefault());

  /**
   * What the gauges of one environment show, and of which audits: an older audit never replaces a
   * newer one, whichever of a refresh and an audit of this replica comes last.
   */
  private static final class Shown {
    final String tier;
    final Tags tags;
    volatile Instant touched;
    Instant latest = Instant.MIN;
    Instant latestSuccessful = Instant.MIN;
    long errorStreak;

    Shown(String environment, String tier, Instant touched) {
      this.tier = tier;
      this.tags = Tags.of("environment", environment, "tier", tier);
      this.touched = touched;
    }
  }

  public AuditMetrics(MeterRegistry registry) {
    this.registry = registry;
    Gauge.builder(ENVIRONMENTS, shown, Map::size)
        .description(
            "Environments driftwatch watches; present whenever driftwatch is up and scraped")
        .register(registry);
  }

  /**
   * From an environment's creation (and after each change): its series exist before any audit
   * succeeds. A new tier drops the series of the old one; the next refresh shows its audits again.
   */
  public void watched(WatchedEnvironment environment) {
    watch(environment);
  }

  private Shown watch(WatchedEnvironment environment) {
    Instant now = Instant.now();
    Shown previous = shown.get(environment.name());
    if (previous != null && !previous.tier.equals(environment.tier())) {
      forget(environment.name());
    }
    Shown entry = entry(environment.name(), environment.tier(), now);
    entry.touched = now;
    set(
        CREATED,
        "When the environment was registered",
        "seconds",
        entry.tags,
        seconds(environment.createdAt()));
    Duration period = periods.of(environment.cron(), environment.paused(), now);
    set(
        SCHEDULE_PERIOD,
        "Longest gap between the scheduled audits of the environment; 0 when paused or when its "
            + "cron fires less than twice more",
        "seconds",
        entry.tags,
        period.toMillis() / 1000.0);
    synchronized (entry) {
      showErrorStreak(entry);
    }
    return entry;
  }

  /** After an audit was stored. */
  @Override
  public void audited(AuditReport report) {
    Shown entry = entry(report.environment(), report.tier(), Instant.now());
    Timer.builder(DURATION)
        .description("How long audits take, from reading both sides to the judged report")
        .tags(entry.tags.and("outcome", report.outcome().name()))
        .publishPercentileHistogram()
        .register(registry)
        .record(Duration.ofMillis(report.durationMs()));
    if (report.outcome() == Outcome.ERROR) {
      Counter.builder(ERRORS)
          .description("Audits that could not read the source or the database")
          .tags(entry.tags)
          .register(registry)
          .increment();
    }
    AuditSummary summary = report.summary();
    synchronized (entry) {
      if (!summary.finishedAt().isAfter(entry.latest)) {
        return; // a refresh already read this audit (and its streak) from the store, or a newer one
      }
      entry.errorStreak = summary.outcome() == Outcome.ERROR ? entry.errorStreak + 1 : 0;
      showLatest(entry, summary);
    }
  }

  /**
   * Shows what the store holds: every stored environment, its latest audit and its latest
   * successful one, and drops the environments it no longer has (unless this replica showed them
   * after {@code readAt}, when the store was read: they were created since).
   */
  void restore(List<StoredEnvironment> stored, Instant readAt) {
    Set<String> names = new HashSet<>();
    for (StoredEnvironment environment : stored) {
      WatchedEnvironment watched = environment.environment();
      names.add(watched.name());
      Shown entry = watch(watched);
      synchronized (entry) {
        if (environment.latestSuccessful() != null) {
          showSuccessful(entry, environment.latestSuccessful());
        }
        if (environment.latest() != null
            && !environment.latest().finishedAt().isBefore(entry.latest)) {
          entry.errorStreak = environment.errorStreak();
          showLatest(entry, environment.latest());
        }
      }
    }
    for (Map.Entry<String, Shown> entry : List.copyOf(shown.entrySet())) {
      if (!names.contains(entry.getKey()) && entry.getValue().touched.isBefore(readAt)) {
        forget(entry.getKey());
      }
    }
  }

  /** After an environment was deleted or renamed: its series disappear. */
  public void forget(String environment) {
    shown.remove(environment);
    gauges.keySet().removeIf(id -> environment.equals(id.getTag("environment")));
    registry.getMeters().stream()
        .filter(meter -> meter.getId().getName().startsWith("driftwatch."))
        .filter(meter -> environment.equals(meter.getId().getTag("environment")))
        .toList()
        .forEach(registry::remove);
  }

  private Shown entry(String environment, String tier, Instant now) {
    return shown.computeIfAbsent(environment, name -> new Shown(name, tier, now));
  }

  /** The newest audit; call holding the entry's lock. */
  private void showLatest(Shown entry, AuditSummary summary) {
    entry.latest = summary.finishedAt();
    boolean failed = summary.outcome() == Outcome.ERROR;
    set(
        LAST_AUDIT,
        "Time of the latest audit",
        "seconds",
        entry.tags,
        seconds(summary.finishedAt()));
    set(
        IN_SYNC,
        "1 when the latest audit read both sides and found the history in sync, else 0",
        null,
        entry.tags,
        !failed && summary.historyState() == HistoryState.IN_SYNC ? 1 : 0);
    showErrorStreak(entry);
    if (!failed) {
      showSuccessful(entry, summary);
    }
  }

  private void showErrorStreak(Shown entry) {
    set(
        ERROR_STREAK,
        "Audits in a row, up to the latest, that ended in ERROR; 0 before the first audit",
        null,
        entry.tags,
        entry.errorStreak);
  }

  /** The newest audit that could read both sides; call holding the entry's lock. */
  private void showSuccessful(Shown entry, AuditSummary summary) {
    if (summary.finishedAt().isBefore(entry.latestSuccessful)) {
      return;
    }
    entry.latestSuccessful = summary.finishedAt();
    Tags environment = entry.tags;
    set(
        LAST_SUCCESS,
        "Time of the latest audit that could read both sides",
        "seconds",
        environment,
        seconds(summary.finishedAt()));
    for (MigrationState state : MigrationState.values()) {
      set(
          MIGRATIONS,
          "Migrations by state at the latest successful audit",
          null,
          environment.and("state", state.name()),
          summary.migrations().getOrDefault(state.name(), 0));
    }
    Map<String, Map<String, Integer>> byFamily =
        summary.findingsByFamily() == null ? Map.of() : summary.findingsByFamily();
    for (Family family : Family.values()) {
      for (Severity severity : Severity.values()) {
        set(
            FINDINGS,
            "Open findings at the latest successful audit, by code family and severity",
            null,
            environment.and("family", family.name()).and("severity", severity.name()),
            byFamily.getOrDefault(family.name(), Map.of()).getOrDefault(severity.name(), 0));
      }
    }
    if (summary.driftObjects() != null) {
      set(
          DRIFT_OBJECTS,
          "Database objects that differ from what the applied migrations create, at the latest audit "
              + "that checked drift",
          null,
          environment,
          summary.driftObjects());
    }
    if (summary.historyOwner() != null) {
      for (HistoryOwner owner : HistoryOwner.values()) {
        set(
            HISTORY_OWNER,
            "1 for the system that keeps the database's history (PRISMA_MIGRATE, PRISMA_8, HYBRID)"
                + " at the latest successful audit, else 0",
            null,
            environment.and("owner", owner.name()),
            owner == summary.historyOwner() ? 1 : 0);
      }
    }
    // NaN when the latest successful audit could not measure coverage: an earlier ratio would be
    // stale, and 1.0 a lie
    set(
        COVERAGE,
        "Share of schema.prisma (models, fields, enum values) the applied migrations create; NaN when unknown",
        null,
        environment,
        summary.coverageRatio() == null ? Double.NaN : summary.coverageRatio());
  }

  private void set(String name, String description, String unit, Tags tags, double value) {
    Meter.Id id = new Meter.Id(name, tags, unit, description, Meter.Type.GAUGE);
    AtomicLong bits =
        gauges.computeIfAbsent(
            id,
            ignored -> {
              AtomicLong created = new AtomicLong();
              Gauge.builder(name, created, held -> Double.longBitsToDouble(held.get()))
                  .description(description)
                  .baseUnit(unit)
                  .tags(tags)
                  .register(registry);
              return created;
            });
    bits.set(Double.doubleToRawLongBits(value));
  }

  private static double seconds(Instant instant) {
    return instant.toEpochMilli() / 1000.0;
  }
}
