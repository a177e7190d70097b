package io.driftwatch.store;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OpenFindingRepository
    implements PanacheRepositoryBase<OpenFindingEntity, OpenFindingEntity.Key> {

  public Uni<List<OpenFindingEntity>> forEnvironment(UUID environmentId) {
    return list("environmentId", environmentId);
  }

  /** Deletes the environment's open findings with these fingerprints in one statement per 1,000. */
  public Uni<Void> deleteAll(UUID environmentId, List<String> fingerprints) {
    if (fingerprints.isEmpty()) {
      return Uni.createFrom().voidItem();
    }
    List<List<String>> batches = new ArrayList<>();
    for (int from = 0; from < fingerprints.size(); from += 1000) {
      batches.add(fingerprints.subList(from, Math.min(fingerprints.size(), from + 1000)));
    }
    return Multi.createFrom()
        .iterable(batches)
        .onItem()
        .transformToUniAndConcatenate(
            batch -> delete("environmentId = ?1 and fingerprint in ?2", environmentId, batch))
        .collect()
        .last()
        .replaceWithVoid();
  }

  public Uni<OpenFindingEntity> find(UUID environmentId, String fingerprint) {
    return find("environmentId = ?1 and fingerprint = ?2", environmentId, fingerprint)
        .firstResult();
  }
}
