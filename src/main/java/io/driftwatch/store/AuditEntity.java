package io.driftwatch.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A finished audit: a few columns to page and filter on, the summary and the full report as JSON.
 */
@Entity
@Table(name = "audit")
public class AuditEntity {

  @Id public UUID id;

  @Column(name = "environment_id", nullable = false)
  public UUID environmentId;

  @Column(name = "started_at", nullable = false)
  public Instant startedAt;

  @Column(name = "finished_at", nullable = false)
  public Instant finishedAt;

  @Column(nullable = false)
  public String outcome;

  @Column(name = "history_state")
  public String historyState;

  @Column(nullable = false)
  public String summary;

  @Column(nullable = false)
  public String report;
}
