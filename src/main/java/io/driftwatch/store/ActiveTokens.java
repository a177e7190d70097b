package io.driftwatch.store;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

/**
 * The active API token with a given secret hash, read with one indexed statement on the pool: every
 * API request asks, so it needs no Hibernate session.
 */
@ApplicationScoped
public class ActiveTokens {

  private static final String ACTIVE_BY_HASH =
      "SELECT id, name, role, environments FROM api_token"
          + " WHERE token_hash = $1 AND revoked_at IS NULL";

  /**
   * An active token as stored: its role is the stored word, which the caller parses.
   *
   * @param environments the environments it is limited to, one per line; null for every one
   */
  public record ActiveToken(UUID id, String name, String role, String environments) {}

  private final Pool store;

  public ActiveTokens(Pool store) {
    this.store = store;
  }

  /** Whether the token with this id exists and is not revoked. */
  public Uni<Boolean> isActive(UUID id) {
    return store
        .preparedQuery("SELECT 1 FROM api_token WHERE id = $1 AND revoked_at IS NULL")
        .execute(Tuple.of(id))
        .map(rows -> rows.size() > 0);
  }

  /** The active token whose secret hashes to {@code hash}, if any. */
  public Uni<Optional<ActiveToken>> byHash(String hash) {
    return store
        .preparedQuery(ACTIVE_BY_HASH)
        .execute(Tuple.of(hash))
        .map(
            rows -> {
              RowIterator<Row> iterator = rows.iterator();
              if (!iterator.hasNext()) {
                return Optional.empty();
              }
              Row row = iterator.next();
              return Optional.of(
                  new ActiveToken(
                      row.getUUID("id"),
                      row.getString("name"),
                      row.getString("role"),
                      row.getString("environments")));
            });
  }
}
