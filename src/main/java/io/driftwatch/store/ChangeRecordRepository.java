package io.driftwatch.store;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
public class ChangeRecordRepository implements PanacheRepositoryBase<ChangeRecordEntity, Long> {

  /** The newest changes first; with {@code before}, only those older than that record. */
  public Uni<List<ChangeRecordEntity>> newestFirst(Long before, int limit) {
    Sort newest = Sort.descending("id");
    return (before == null ? findAll(newest) : find("id < ?1", newest, before))
        .page(Page.ofSize(limit))
        .list();
  }
}
