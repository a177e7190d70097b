package io.driftwatch.store;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CheckRepository implements PanacheRepositoryBase<CheckEntity, UUID> {

  private static final Sort NEWEST_FIRST =
      Sort.by("startedAt", Sort.Direction.Descending).and("id", Sort.Direction.Descending);

  public Uni<List<CheckEntity>> page(UUID environmentId, int page, int size) {
    return find("environmentId", NEWEST_FIRST, environmentId).page(Page.of(page, size)).list();
  }

  public Uni<Long> countFor(UUID environmentId) {
    return count("environmentId", environmentId);
  }
}
