package io.driftwatch.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Every environment with its latest audit, its latest successful audit and its current run of ERROR
 * audits, in one statement (one snapshot, so the three agree), reading only the short summaries,
 * never the reports. What the metrics show after a restart or on another replica.
 */
@ApplicationScoped
public class AuditStandings {

  private static final String STANDINGS =
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

  public AuditStandings(Pool store) {
    this.store = store;
  }

  /**
   * One environment's standing.
   *
   * @param latestSummary the stored summary (JSON) of its newest audit; null before the first
   * @param successfulSummary that of its newest audit that could read both sides; null if none
   * @param errorStreak how many audits in a row, up to the newest, ended in ERROR
   */
  public record Standing(
      String name,
      String tier,
      Instant createdAt,
      String scheduleCron,
      boolean schedulePaused,
      String latestSummary,
      String successfulSummary,
      long errorStreak) {}

  /** Reads every standing, the statement bounded by {@code timeout} on the server. */
  public Uni<List<Standing>> read(Duration timeout) {
    return store.withTransaction(
        connection ->
            connection
                .query("SET LOCAL statement_timeout = " + timeout.toMillis())
                .execute()
                .flatMap(ignored -> connection.query(STANDINGS).execute())
                .map(
                    rows -> {
                      List<Standing> standings = new ArrayList<>(rows.size());
                      for (Row row : rows) {
                        standings.add(
                            new Standing(
                                row.getString(0),
                                row.getString(1),
                                row.getOffsetDateTime(2).toInstant(),
                                row.getString(3),
                                row.getBoolean(4),
                                row.getString(5),
                                row.getString(6),
                                row.getLong(7)));
                      }
                      return standings;
                    }));
  }
}
