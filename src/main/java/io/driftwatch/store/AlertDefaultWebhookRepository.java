package io.driftwatch.store;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

@ApplicationScoped
public class AlertDefaultWebhookRepository
    implements PanacheRepositoryBase<AlertDefaultWebhookEntity, Short> {

  /**
   * The row, locked until the transaction ends: replicas starting together compare it one after the
   * other.
   */
  public Uni<AlertDefaultWebhookEntity> lock() {
    return findById(AlertDefaultWebhookEntity.ID, LockModeType.PESSIMISTIC_WRITE);
  }
}
