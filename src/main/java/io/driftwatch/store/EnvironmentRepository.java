package io.driftwatch.store;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class EnvironmentRepository implements PanacheRepositoryBase<EnvironmentEntity, UUID> {

  public Uni<EnvironmentEntity> findByName(String name) {
    return find("name", name).firstResult();
  }

  public Uni<List<EnvironmentEntity>> listByName() {
    return listAll(Sort.by("name"));
  }

  /** The environments whose Slack alerts go to the global webhook. */
  public Uni<List<EnvironmentEntity>> onDefaultSlackWebhook() {
    return list("alertsWebhookSecret is null", Sort.by("name"));
  }
}
