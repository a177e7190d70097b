package io.driftwatch.store;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * An API token: its name, role and the SHA-256 of its secret (the secret itself is never stored).
 */
@Entity
@Table(name = "api_token")
public class ApiTokenEntity {

  @Id public UUID id;

  @Column(nullable = false)
  public String name;

  @Column(nullable = false)
  public String role;

  @Column(name = "token_hash", nullable = false)
  public String tokenHash;

  @Column(name = "created_at", nullable = false)
  public Instant createdAt;

  @Column(name = "created_by", nullable = false)
  public String createdBy;

  /** The environments the token is limited to, one per line; null for every one. */
  @Column(name = "environments")
  public String environments;

  @Column(name = "revoked_at")
  public Instant revokedAt;
}
