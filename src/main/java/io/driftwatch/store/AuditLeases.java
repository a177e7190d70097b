package io.driftwatch.store;

import io.driftwatch.config.DriftwatchConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;

/**
 * At most one audit per environment at a time, across every replica: a lease row taken with one
 * conditional upsert, kept alive by its owner's heartbeat while the audit runs, and deleted when
 * the audit ends.
 *
 * <p>Why a heartbeat and not a PostgreSQL session advisory lock: an advisory lock is freed when its
 * session ends, which the server only notices for a clean close or a reset; a replica whose host or
 * network dies leaves it held until TCP keepalive gives up (two hours by default), and it pins one
 * store connection per running audit and breaks behind a transaction-pooling proxy. A short expiry
 * renewed every few seconds frees the lease of any dead owner after at most {@code
 * driftwatch.audit.lease-timeout}, whatever the way it died, needs no connection while the audit
 * runs, and works across replicas because expiry is measured on the store's clock ({@code now()}),
 * never a replica's.
 *
 * <p>Each statement runs on its own (auto-commit) on the store's pool, outside the audit's
 * Hibernate session: a heartbeat never waits behind the audit's own writes, and a lease never rides
 * on a transaction that could be left open.
 */
@ApplicationScoped
public class AuditLeases {

  /**
   * Takes the lease when it is free or expired; otherwise says when the holder's lease expires
   * unless renewed. The outer SELECT reads the row as it was before this statement, so it shows the
   * holder that kept the lease.
   */
  private static final String ACQUIRE =
      """
      WITH taken AS (
        INSERT INTO audit_lease (environment_id, owner, expires_at)
        VALUES ($1, $2, now() + make_interval(secs => $3))
        ON CONFLICT (environment_id) DO UPDATE SET owner = excluded.owner, expires_at = excluded.expires_at
        WHERE audit_lease.expires_at < now()
        RETURNING owner)
      SELECT EXISTS (SELECT 1 FROM taken) AS taken,
        (SELECT extract(epoch FROM expires_at - now())::float8 FROM audit_lease WHERE environment_id = $1) AS free_in
      """;

  static final String RENEW =
      """
      UPDATE audit_lease SET expires_at = now() + make_interval(secs => $3) WHERE environment_id = $1 AND owner = $2
      """;

  static final String RELEASE = "DELETE FROM audit_lease WHERE environment_id = $1 AND owner = $2";

  private final Pool store;
  private final Duration timeout;

  @Inject
  public AuditLeases(Pool store, DriftwatchConfig config) {
    this(store, config.audit().leaseTimeout());
  }

  /** Leases on this store that expire {@code timeout} after their last renewal. */
  public AuditLeases(Pool store, Duration timeout) {
    if (timeout.compareTo(Duration.ofSeconds(1)) < 0) {
      throw new IllegalArgumentException(
          "driftwatch.audit.lease-timeout must be at least 1s, not " + timeout);
    }
    this.store = store;
    this.timeout = timeout;
  }

  /**
   * The environment's lease, held by a new owner and renewed until released; fails with {@link
   * LeaseHeldException} while another owner holds it.
   */
  public Uni<AuditLease> acquire(UUID environmentId) {
    UUID owner = UUID.randomUUID();
    return store
        .preparedQuery(ACQUIRE)
        .execute(Tuple.of(environmentId, owner, seconds()))
        .map(
            rows -> {
              Row row = rows.iterator().next();
              if (!row.getBoolean("taken")) {
                Double freeIn = row.getDouble("free_in");
                throw new LeaseHeldException(
                    freeIn == null
                        ? timeout
                        : Duration.ofMillis(Math.max(0, (long) (freeIn * 1000))));
              }
              return AuditLease.held(this, environmentId, owner);
            });
  }

  Duration timeout() {
    return timeout;
  }

  /** True while {@code owner} still holds the lease, which now lasts a full timeout again. */
  Uni<Boolean> renew(UUID environmentId, UUID owner) {
    return store
        .preparedQuery(RENEW)
        .execute(Tuple.of(environmentId, owner, seconds()))
        .map(rows -> rows.rowCount() == 1);
  }

  Uni<Void> delete(UUID environmentId, UUID owner) {
    return store.preparedQuery(RELEASE).execute(Tuple.of(environmentId, owner)).replaceWithVoid();
  }

  private double seconds() {
    return timeout.toMillis() / 1000.0;
  }
}
