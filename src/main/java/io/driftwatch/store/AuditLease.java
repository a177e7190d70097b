package io.driftwatch.store;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import java.time.Duration;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * One environment's lease, held by one audit: renewed every third of the lease timeout until
 * released. Should its owner die, the renewals stop with it and the lease expires on its own.
 */
public final class AuditLease {

  private static final Logger LOG = Logger.getLogger(AuditLease.class);

  private final AuditLeases leases;
  private final UUID environmentId;
  private final UUID owner;
  private Cancellable heartbeat;
  private boolean stopped;
  private volatile boolean lost;

  private AuditLease(AuditLeases leases, UUID environmentId, UUID owner) {
    this.leases = leases;
    this.environmentId = environmentId;
    this.owner = owner;
  }

  static AuditLease held(AuditLeases leases, UUID environmentId, UUID owner) {
    return new AuditLease(leases, environmentId, owner);
  }

  /**
   * Starts renewing the lease every third of its timeout, until {@link #release()} or {@link
   * #stopRenewing()}. Not started by acquiring: a lease whose caller gave up waiting for it is
   * never renewed, so it expires on its own.
   */
  public synchronized void keepAlive() {
    if (heartbeat != null || stopped) {
      return;
    }
    Duration every = leases.timeout().dividedBy(3);
    heartbeat =
        Multi.createFrom()
            .ticks()
            .every(every)
            .onOverflow()
            .drop()
            .onItem()
            .transformToUniAndConcatenate(tick -> renewWithin(every))
            .subscribe()
            .with(
                held -> {
                  if (!held && !lost) {
                    lost = true;
                    LOG.warnf(
                        "the audit lease of environment %s was taken over: its renewals came too late",
                        environmentId);
                  }
                },
                failure ->
                    LOG.debugf(
                        "the heartbeat of the audit lease of %s stopped: %s",
                        environmentId, failure));
  }

  /**
   * Renews the lease now: true while this owner still holds it, false once another owner took it
   * over (its renewals came too late). Not bounded here: a store that does not answer is the
   * caller's timeout to meet.
   */
  public Uni<Boolean> confirm() {
    return leases.renew(environmentId, owner).invoke(held -> lost = lost || !held);
  }

  private Uni<Boolean> renewWithin(Duration bound) {
    return leases
        .renew(environmentId, owner)
        .ifNoItem()
        .after(bound)
        .recoverWithItem(true)
        .onFailure()
        .recoverWithItem(
            failure -> {
              LOG.debugf(
                  "renewing the audit lease of %s failed: %s", environmentId, failure.getMessage());
              return true;
            });
  }

  /** Stops renewing, so that the lease expires on its own unless released. */
  public synchronized void stopRenewing() {
    stopped = true;
    if (heartbeat != null) {
      heartbeat.cancel();
    }
  }

  /**
   * Stops renewing and frees the lease, within the lease timeout; never fails: a lease the store
   * could not be told about expires on its own.
   */
  public Uni<Void> release() {
    stopRenewing();
    return leases
        .delete(environmentId, owner)
        .ifNoItem()
        .after(leases.timeout())
        .recoverWithItem((Void) null)
        .onFailure()
        .recoverWithItem(
            failure -> {
              LOG.warnf(
                  "the audit lease of %s could not be freed (it expires on its own): %s",
                  environmentId, failure.getMessage());
              return null;
            });
  }

  /** How long the lease lasts after its last renewal. */
  public Duration timeout() {
    return leases.timeout();
  }
}
