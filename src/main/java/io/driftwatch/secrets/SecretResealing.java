package io.driftwatch.secrets;

import io.driftwatch.access.ChangeLog;
import io.driftwatch.store.AlertDefaultWebhookRepository;
import io.driftwatch.store.AlertOutboxEntity;
import io.driftwatch.store.AlertOutboxRepository;
import io.driftwatch.store.EnvironmentEntity;
import io.driftwatch.store.EnvironmentRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Key rotation's second half: after the new key is current and the old one is listed in
 * DRIFTWATCH_PREVIOUS_MASTER_KEYS, moves every stored secret (database URLs, git credentials,
 * webhook URLs, queued alerts, the recorded global webhook) to the current key, in one transaction.
 * Then the old key can go.
 */
@ApplicationScoped
public class SecretResealing {

  /**
   * @param keyId the current key @param resealed moved now @param alreadyCurrent left as they were
   */
  public record Resealed(String keyId, int resealed, int alreadyCurrent) {}

  private final SecretCipher cipher;
  private final EnvironmentRepository environments;
  private final AlertOutboxRepository outbox;
  private final AlertDefaultWebhookRepository defaultWebhook;
  private final ChangeLog changes;

  public SecretResealing(
      SecretCipher cipher,
      EnvironmentRepository environments,
      AlertOutboxRepository outbox,
      AlertDefaultWebhookRepository defaultWebhook,
      ChangeLog changes) {
    this.cipher = cipher;
    this.environments = environments;
    this.outbox = outbox;
    this.defaultWebhook = defaultWebhook;
    this.changes = changes;
  }

  public Uni<Resealed> resealAll(String actor) {
    String keyId = cipher.keyId(); // fails with the advice when no key is configured
    return Panache.withTransaction(
        () ->
            environments
                .listAll()
                .flatMap(
                    envs ->
                        outbox
                            .listAll()
                            .flatMap(
                                queued ->
                                    defaultWebhook
                                        .lock()
                                        .flatMap(
                                            recorded -> {
                                              Counter counter = new Counter();
                                              for (EnvironmentEntity e : envs) {
                                                counter.reseal(
                                                    () -> e.databaseUrlSecret,
                                                    value -> e.databaseUrlSecret = value);
                                                counter.reseal(
                                                    () -> e.sourceSecret,
                                                    value -> e.sourceSecret = value);
                                                counter.reseal(
                                                    () -> e.alertsWebhookSecret,
                                                    value -> e.alertsWebhookSecret = value);
                                                counter.reseal(
                                                    () -> e.alertsGenericWebhookSecret,
                                                    value -> e.alertsGenericWebhookSecret = value);
                                              }
                                              for (AlertOutboxEntity message : queued) {
                                                counter.reseal(
                                                    () -> message.destinationSecret,
                                                    value -> message.destinationSecret = value);
                                              }
                                              counter.reseal(
                                                  () -> recorded.webhookSecret,
                                                  value -> recorded.webhookSecret = value);
                                              Resealed outcome =
                                                  new Resealed(
                                                      keyId, counter.resealed, counter.current);
                                              return changes
                                                  .record(
                                                      actor,
                                                      "secrets.resealed",
                                                      "key " + keyId,
                                                      outcome.resealed()
                                                          + " secrets moved to key "
                                                          + keyId
                                                          + ", "
                                                          + outcome.alreadyCurrent()
                                                          + " already under it")
                                                  .replaceWith(outcome);
                                            }))));
  }

  private final class Counter {
    int resealed;
    int current;

    void reseal(Supplier<String> read, Consumer<String> write) {
      String sealed = read.get();
      if (sealed == null) {
        return;
      }
      if (cipher.isCurrent(sealed)) {
        current++;
      } else {
        write.accept(cipher.reseal(sealed));
        resealed++;
      }
    }
  }
}
