package io.driftwatch.alerts;

import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.secrets.SecretCipher;
import io.driftwatch.store.AlertDefaultWebhookRepository;
import io.driftwatch.store.EnvironmentRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * At start-up, compares DRIFTWATCH_ALERTS_SLACK_WEBHOOK_URL with the one recorded in the store:
 * when it is new (set where none was, or changed), every environment whose Slack alerts go to it
 * gets one message with its findings already open. The row is locked for the comparison, so
 * replicas starting together announce once. The first start that records a webhook at all (an
 * upgrade from a version that did not record it) announces only the findings no destination was
 * ever told of.
 */
@ApplicationScoped
public class DefaultWebhookAnnouncer {

  private static final Logger LOG = Logger.getLogger(DefaultWebhookAnnouncer.class);

  private final AlertDefaultWebhookRepository recorded;
  private final EnvironmentRepository environments;
  private final NewDestinationAnnouncer announcer;
  private final SecretCipher cipher;
  private final Optional<String> configured;

  public DefaultWebhookAnnouncer(
      AlertDefaultWebhookRepository recorded,
      EnvironmentRepository environments,
      NewDestinationAnnouncer announcer,
      SecretCipher cipher,
      DriftwatchConfig config) {
    this.recorded = recorded;
    this.environments = environments;
    this.announcer = announcer;
    this.cipher = cipher;
    this.configured = config.alerts().slackWebhookUrl();
  }

  void onStart(@Observes StartupEvent event) {
    try {
      int queued = VertxContextSupport.subscribeAndAwait(() -> sync(configured));
      if (queued > 0) {
        LOG.infof(
            "the global Slack webhook is new: %d message(s) with the findings already open queued",
            queued);
      }
    } catch (Throwable e) {
      LOG.warn(
          "the global Slack webhook could not be compared with the recorded one; findings already open are not "
              + "announced to it (they are at their next reminder)",
          e);
    }
  }

  /**
   * Records {@code webhook} as the global Slack webhook and, when it is new, announces the open
   * findings to it; returns how many messages were queued.
   */
  public Uni<Integer> sync(Optional<String> webhook) {
    String current = webhook.map(String::strip).filter(url -> !url.isEmpty()).orElse(null);
    return Panache.withTransaction(
        () ->
            recorded
                .lock()
                .flatMap(
                    row -> {
                      boolean firstRecord = row.recordedAt == null;
                      if (!firstRecord
                          && Objects.equals(announcer.open(row.webhookSecret), current)) {
                        return Uni.createFrom().item(0);
                      }
                      row.webhookSecret = current == null ? null : cipher.encrypt(current);
                      row.recordedAt = Instant.now();
                      if (current == null) {
                        return Uni.createFrom().item(0);
                      }
                      List<AlertDestination> destination =
                          List.of(new AlertDestination(AlertChannel.SLACK, row.webhookSecret));
                      // One environment after the other, never one nested Uni per environment.
                      return environments
                          .onDefaultSlackWebhook()
                          .flatMap(
                              list ->
                                  Multi.createFrom()
                                      .iterable(list)
                                      .onItem()
                                      .transformToUniAndConcatenate(
                                          environment ->
                                              announcer.announce(
                                                  environment, destination, firstRecord))
                                      .collect()
                                      .with(Collectors.summingInt(Integer::intValue)));
                    }));
  }
}
