package io.driftwatch.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;

/**
 * The kept outcomes of shadow replays ({@code catalog_snapshot}), by content key: a catalog and the
 * failures, each as JSON the caller reads and writes. The first outcome kept for a key stays.
 */
@ApplicationScoped
public class CatalogSnapshotRepository {

  private static final String FIND =
      "SELECT catalog, failures FROM catalog_snapshot WHERE cache_key = $1";
  private static final String KEEP =
      "INSERT INTO catalog_snapshot (cache_key, catalog, failures) VALUES ($1, $2, $3) "
          + "ON CONFLICT DO NOTHING";

  /**
   * One kept outcome.
   *
   * @param catalog the catalog as JSON; null when an applied migration stopped the replay
   * @param failures the failures as JSON; null when there were none
   */
  public record Snapshot(String catalog, String failures) {}

  private final Pool store;

  public CatalogSnapshotRepository(Pool store) {
    this.store = store;
  }

  public Uni<Optional<Snapshot>> find(String key) {
    return store
        .preparedQuery(FIND)
        .execute(Tuple.of(key))
        .map(
            rows -> {
              RowIterator<Row> iterator = rows.iterator();
              if (!iterator.hasNext()) {
                return Optional.empty();
              }
              Row row = iterator.next();
              return Optional.of(new Snapshot(row.getString("catalog"), row.getString("failures")));
            });
  }

  /** Keeps an outcome unless one is kept for this key already. */
  public Uni<Void> keep(String key, Snapshot snapshot) {
    return store
        .preparedQuery(KEEP)
        .execute(Tuple.of(key, snapshot.catalog(), snapshot.failures()))
        .replaceWithVoid();
  }
}
