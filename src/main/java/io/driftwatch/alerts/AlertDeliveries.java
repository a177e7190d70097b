package io.driftwatch.alerts;

import io.driftwatch.access.ChangeLog;
import io.driftwatch.store.AlertOutboxRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The outbox as deliveries to look at: what is pending, delivered or given up, and sending a failed
 * one again.
 */
@ApplicationScoped
public class AlertDeliveries {

  private static final Sort NEWEST_FIRST =
      Sort.by("createdAt", Sort.Direction.Descending).and("id", Sort.Direction.Descending);

  private final AlertOutboxRepository outbox;
  private final ChangeLog changes;

  public AlertDeliveries(AlertOutboxRepository outbox, ChangeLog changes) {
    this.outbox = outbox;
    this.changes = changes;
  }

  /** One page of deliveries, newest first. */
  public record Page(List<Delivery> items, int page, int size, long total) {}

  /**
   * @param state null for every state
   * @param environment null for every environment
   */
  public Uni<Page> page(DeliveryState state, String environment, int page, int size) {
    List<String> conditions = new ArrayList<>();
    Parameters parameters = new Parameters();
    if (state != null) {
      conditions.add(state.condition);
    }
    if (environment != null) {
      conditions.add("environment = :environment");
      parameters.and("environment", environment);
    }
    String query = String.join(" and ", conditions);
    return Panache.withSession(
        () ->
            outbox
                .find(query, NEWEST_FIRST, parameters)
                .page(page, size)
                .list()
                .flatMap(
                    items ->
                        outbox
                            .count(query, parameters)
                            .map(
                                total ->
                                    new Page(
                                        items.stream().map(Delivery::of).toList(),
                                        page,
                                        size,
                                        total))));
  }

  /**
   * Queues a failed delivery again, with a fresh set of attempts, to the destination it had;
   * recorded in the change log.
   */
  public Uni<Delivery> retry(UUID id, String actor) {
    return Panache.withTransaction(
        () ->
            outbox
                .findById(id)
                .flatMap(
                    message -> {
                      if (message == null) {
                        return Uni.createFrom().failure(new DeliveryNotFoundException(id));
                      }
                      DeliveryState state = DeliveryState.of(message);
                      if (state != DeliveryState.FAILED) {
                        return Uni.createFrom().failure(new DeliveryNotFailedException(id, state));
                      }
                      message.failedAt = null;
                      message.attempts = 0;
                      message.claimedUntil = null;
                      message.nextAttemptAt = Instant.now();
                      return changes
                          .record(
                              actor,
                              "alert.delivery.retried",
                              message.environment,
                              "delivery "
                                  + id
                                  + " ("
                                  + message.channel
                                  + " "
                                  + message.kind
                                  + ") queued again")
                          .replaceWith(message);
                    })
                .map(Delivery::of));
  }
}
