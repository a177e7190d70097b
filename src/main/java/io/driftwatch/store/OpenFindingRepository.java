package io.driftwatch.store;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OpenFindingRepository implements PanacheRepositoryBase<OpenFindingEntity, OpenFindingEntity.Key> {

  public Uni<List<OpenFindingEntity>> forEnvironment(UUID environmentId) {
    return list("environmentId", environmentId);
  }

  public Uni<OpenFindingEntity> find(UUID environmentId, String fingerprint) {
    return find("environmentId = ?1 and fingerprint = ?2", environmentId, fingerprint).firstResult();
  }
}
