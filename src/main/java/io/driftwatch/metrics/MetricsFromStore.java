package io.driftwatch.metrics;

import io.driftwatch.audit.ReportJson;
import io.driftwatch.audit.report.AuditSummary;
import io.driftwatch.store.AuditStandings;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Shows what the store holds ({@link AuditStandings}: every environment with its latest audit, its
 * latest successful audit and its current run of ERROR audits, read in one statement).
 */
@ApplicationScoped
public class MetricsFromStore {

  /**
   * The read's own bound, on the server and here: it runs every refresh interval and must never
   * pile up.
   */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  private final AuditStandings standings;
  private final ReportJson json;
  private final AuditMetrics metrics;

  public MetricsFromStore(AuditStandings standings, ReportJson json, AuditMetrics metrics) {
    this.standings = standings;
    this.json = json;
    this.metrics = metrics;
  }

  /**
   * Reads the store and shows it; fails (after at most {@link #READ_TIMEOUT}) when the store cannot
   * be read.
   */
  public Uni<Void> refresh() {
    Instant readAt = Instant.now();
    return read()
        .ifNoItem()
        .after(READ_TIMEOUT.plusSeconds(1))
        .fail()
        .invoke(stored -> metrics.restore(stored, readAt))
        .replaceWithVoid();
  }

  Uni<List<StoredEnvironment>> read() {
    return standings
        .read(READ_TIMEOUT)
        .map(
            rows ->
                rows.stream()
                    .map(
                        row ->
                            new StoredEnvironment(
                                new WatchedEnvironment(
                                    row.name(),
                                    row.tier(),
                                    row.createdAt(),
                                    row.scheduleCron(),
                                    row.schedulePaused()),
                                summary(row.latestSummary()),
                                summary(row.successfulSummary()),
                                row.errorStreak()))
                    .toList());
  }

  private AuditSummary summary(String stored) {
    return stored == null ? null : json.summary(stored);
  }
}
