package io.driftwatch.store;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class ApiTokenRepository implements PanacheRepositoryBase<ApiTokenEntity, UUID> {

  public Uni<ApiTokenEntity> findActiveByName(String name) {
    return find("name = ?1 and revokedAt is null", name).firstResult();
  }

  public Uni<List<ApiTokenEntity>> listByCreation() {
    return listAll(Sort.by("createdAt").and("name"));
  }
}
