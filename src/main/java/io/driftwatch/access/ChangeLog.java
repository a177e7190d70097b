package io.driftwatch.access;

import io.driftwatch.source.git.GitUrls;
import io.driftwatch.store.ChangeRecordEntity;
import io.driftwatch.store.ChangeRecordRepository;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/**
 * The record of every change to environments, alert channels, tokens and keys: who, when, what.
 * Written in the transaction of the change it describes, so neither exists without the other.
 * Details name what changed, never a secret's value; a credential a URL in them could hold is
 * masked.
 */
@ApplicationScoped
public class ChangeLog {

  public record Change(
      long id, Instant at, String actor, String action, String subject, String details) {}

  private final ChangeRecordRepository records;

  public ChangeLog(ChangeRecordRepository records) {
    this.records = records;
  }

  /** Call inside the change's transaction. */
  public Uni<Void> record(String actor, String action, String subject, String details) {
    ChangeRecordEntity entity = new ChangeRecordEntity();
    entity.at = Instant.now();
    entity.actor = actor;
    entity.action = action;
    entity.subject = subject;
    entity.details = GitUrls.mask(details);
    return records.persist(entity).replaceWithVoid();
  }

  public Uni<List<Change>> newestFirst(Long before, int limit) {
    return Panache.withSession(() -> records.newestFirst(before, limit))
        .map(
            entities ->
                entities.stream()
                    // Masked again: an entry written before git URLs were masked may quote one
                    // holding a credential.
                    .map(
                        e ->
                            new Change(
                                e.id, e.at, e.actor, e.action, e.subject, GitUrls.mask(e.details)))
                    .toList());
  }
}
