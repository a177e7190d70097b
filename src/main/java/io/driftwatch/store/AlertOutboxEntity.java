package io.driftwatch.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A message to deliver, written with the audit that produced it; delivered by the alert sender. */
@Entity
@Table(name = "alert_outbox")
public class AlertOutboxEntity {

  @Id public UUID id;

  @Column(name = "environment_id", nullable = false)
  public UUID environmentId;

  @Column(nullable = false)
  public String environment;

  @Column(nullable = false)
  public String tier;

  /** SLACK or WEBHOOK: how the payload is shaped. */
  @Column(nullable = false)
  public String channel;

  /** OPENED, RESOLVED, REMINDER, ALREADY_OPEN or TEST. */
  @Column(nullable = false)
  public String kind;

  /** The webhook URL, encrypted. */
  @Column(name = "destination_secret", nullable = false)
  public String destinationSecret;

  @Column(nullable = false)
  public String payload;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "next_attempt_at", nullable = false)
  public Instant nextAttemptAt;

  @Column(name = "claimed_until")
  public Instant claimedUntil;

  @Column(nullable = false)
  public int attempts;

  @Column(name = "delivered_at")
  public Instant deliveredAt;

  @Column(name = "failed_at")
  public Instant failedAt;

  @Column(name = "last_error")
  public String lastError;
}
