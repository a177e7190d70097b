package io.driftwatch.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A finished check: a few columns to page on, the whole check report as JSON. */
@Entity
@Table(name = "environment_check")
public class CheckEntity {

  @Id public UUID id;

  @Column(name = "environment_id", nullable = false)
  public UUID environmentId;

  @Column(nullable = false)
  public String ref;

  @Column(name = "started_at", nullable = false)
  public Instant startedAt;

  @Column(name = "finished_at", nullable = false)
  public Instant finishedAt;

  @Column(nullable = false)
  public String verdict;

  @Column(nullable = false)
  public String report;
}
