package io.driftwatch.store;

import io.driftwatch.config.DriftwatchConfig;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * At most one audit per environment at a time, across every replica: a lease row taken with one
 * conditional upsert, freed when the audit is stored, and expiring on its own if a replica dies.
 */
@ApplicationScoped
public class AuditLeases {

  private static final String ACQUIRE = """
      INSERT INTO audit_lease (environment_id, owner, expires_at)
      VALUES (:environment, :owner, now() + make_interval(secs => :seconds))
      ON CONFLICT (environment_id) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
      WHERE audit_lease.expires_at < now()
      """;

  private static final String RELEASE = "DELETE FROM audit_lease WHERE environment_id = :environment AND owner = :owner";

  private final long seconds;

  public AuditLeases(DriftwatchConfig config) {
    this.seconds = config.audit().leaseTimeout().toSeconds();
  }

  /** True when this caller now holds the environment's lease. Must run inside a transaction. */
  public Uni<Boolean> acquire(UUID environmentId, UUID owner) {
    return Panache.getSession().flatMap(session -> session.createNativeQuery(ACQUIRE)
        .setParameter("environment", environmentId)
        .setParameter("owner", owner)
        .setParameter("seconds", (double) seconds)
        .executeUpdate())
        .map(updated -> updated == 1);
  }

  public Uni<Void> release(UUID environmentId, UUID owner) {
    return Panache.getSession().flatMap(session -> session.createNativeQuery(RELEASE)
        .setParameter("environment", environmentId)
        .setParameter("owner", owner)
        .executeUpdate())
        .replaceWithVoid();
  }
}
