package io.driftwatch.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A finding open in an environment since its first audit that reported it. */
@Entity
@Table(name = "open_finding")
@IdClass(OpenFindingEntity.Key.class)
public class OpenFindingEntity {

  @Id
  @Column(name = "environment_id")
  public UUID environmentId;

  @Id public String fingerprint;

  @Column(nullable = false)
  public String code;

  @Column(nullable = false)
  public String name;

  @Column(nullable = false)
  public String severity;

  public String migration;

  @Column(name = "first_seen_at", nullable = false)
  public Instant firstSeenAt;

  @Column(name = "last_seen_at", nullable = false)
  public Instant lastSeenAt;

  @Column(name = "last_notified_at")
  public Instant lastNotifiedAt;

  @Column(name = "acknowledged_at")
  public Instant acknowledgedAt;

  /** Reminders resume after this; null with acknowledgedAt set means for good. */
  @Column(name = "acknowledged_until")
  public Instant acknowledgedUntil;

  @Column(name = "acknowledged_comment")
  public String acknowledgedComment;

  /** Whether reminders about it are silenced at this instant. */
  public boolean silencedAt(Instant now) {
    return acknowledgedAt != null && (acknowledgedUntil == null || acknowledgedUntil.isAfter(now));
  }

  /** The composite key. */
  public static class Key implements Serializable {
    public UUID environmentId;
    public String fingerprint;

    @Override
    public boolean equals(Object other) {
      return other instanceof Key key
          && Objects.equals(environmentId, key.environmentId)
          && Objects.equals(fingerprint, key.fingerprint);
    }

    @Override
    public int hashCode() {
      return Objects.hash(environmentId, fingerprint);
    }
  }
}
