package io.driftwatch.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The global Slack webhook the findings already open were last announced to (one row, id 1). */
@Entity
@Table(name = "alert_default_webhook")
public class AlertDefaultWebhookEntity {

  public static final short ID = 1;

  @Id public short id;

  /** The webhook URL, encrypted; null when none was configured. */
  @Column(name = "webhook_secret")
  public String webhookSecret;

  /** Null until a start-up recorded the configured webhook. */
  @Column(name = "recorded_at")
  public Instant recordedAt;
}
