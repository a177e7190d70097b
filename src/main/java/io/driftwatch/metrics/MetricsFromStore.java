package io.driftwatch.metrics;

import io.driftwatch.audit.ReportJson;
import io.driftwatch.audit.report.AuditSummary;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads what the gauges show from the store: every environment with its latest audit, its latest
 * successful audit and its current run of ERROR audits, in one statement (one snapshot, so the
 * three agree), reading only the short summaries, never the reports.
 */
@ApplicationScoped
public class MetricsFromStore {

  /**
   * The read's own bound, on the server and here: it runs every refresh interval and must never
   * pile up.
   */
  static final Duration READ_TIMEOUT = Duration.ofSeconds(10);

  private static final String ENVIRONMENTS =
      """
      SELECT e.name, e.tier, e.created_at, e.schedule_cron, e.schedule_paused,
             latest.summary, successful.summary,
             (SELECT count(*) FROM audit failed
               WHERE failed.environment_id = e.id AND failed.outcome = 'ERROR'
                 AND (successful.started_at IS NULL OR failed.started_at > successful.started_at))
        FROM environment e
        LEFT JOIN LATERAL (SELECT a.summary FROM audit a WHERE a.environment_id = e.id
                            ORDER BY a.started_at DESC, a.id DESC LIMIT 1) latest ON true
        LEFT JOIN LATERAL (SELECT a.summary, a.started_at FROM audit a
                            WHERE a.environment_id = e.id AND a.outcome <> 'ERROR'
                            ORDER BY a.started_at DESC, a.id DESC LIMIT 1) successful ON true
      """;

  private final Pool store;
  private final ReportJson json;
  private final AuditMetrics metrics;

  public MetricsFromStore(Pool store, ReportJson json, AuditMetrics metrics) {
    this.store = store;
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
    return store.withTransaction(
        connection ->
            connection
                .query("SET LOCAL statement_timeout = " + READ_TIMEOUT.toMillis())
                .execute()
                .flatMap(ignored -> connection.query(ENVIRONMENTS).execute())
                .map(
                    rows -> {
                      List<StoredEnvironment> stored = new ArrayList<>(rows.size());
                      for (Row row : rows) {
                        stored.add(
                            new StoredEnvironment(
                                new WatchedEnvironment(
                                    row.getString(0),
                                    row.getString(1),
                                    row.getOffsetDateTime(2).toInstant(),
                                    row.getString(3),
                                    row.getBoolean(4)),
                                summary(row.getString(5)),
                                summary(row.getString(6)),
                                row.getLong(7)));
                      }
                      return stored;
                    }));
  }

  private AuditSummary summary(String stored) {
    return stored == null ? null : json.summary(stored);
  }
}
