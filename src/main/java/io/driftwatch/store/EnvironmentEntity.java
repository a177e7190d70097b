package io.driftwatch.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;

/** A watched environment as stored; the database URL only encrypted, plus a masked copy to show. */
@Entity
@Table(name = "environment")
public class EnvironmentEntity {

  @Id public UUID id;

  @Column(nullable = false, unique = true)
  public String name;

  @Column(nullable = false)
  public String tier;

  @Column(name = "database_url_masked", nullable = false)
  public String databaseUrlMasked;

  @Column(name = "database_url_secret", nullable = false)
  public String databaseUrlSecret;

  /** The source description as JSON. */
  @Column(nullable = false)
  public String source;

  /** The source's credentials (git token or ssh key) as encrypted JSON; null without any. */
  @Column(name = "source_secret")
  public String sourceSecret;

  /** Quartz cron expression of the scheduled audits. */
  @Column(name = "schedule_cron", nullable = false)
  public String scheduleCron;

  @Column(name = "schedule_paused", nullable = false)
  public boolean schedulePaused;

  /** The environment's own Slack webhook URL, encrypted; null uses the global default. */
  @Column(name = "alerts_webhook_secret")
  public String alertsWebhookSecret;

  /** A generic JSON webhook URL, encrypted; null for none. */
  @Column(name = "alerts_generic_webhook_secret")
  public String alertsGenericWebhookSecret;

  /** The environment's own shadow server URL, sealed; null uses the global one. */
  @Column(name = "shadow_url_secret")
  public String shadowUrlSecret;

  /** Globs of objects drift and coverage leave out, one per line. */
  @Column(name = "schema_ignore", nullable = false)
  public String schemaIgnore = "";

  /** The environment's gate: selectors, one per line, for its checks; null keeps the default's. */
  @Column(name = "gate_fail_on")
  public String gateFailOn;

  @Column(name = "gate_warn_on")
  public String gateWarnOn;

  /** The least severity that alerts; null uses the tier's default. */
  @Column(name = "alerts_min_severity")
  public String alertsMinSeverity;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;

  @Version public long version;
}
