package io.driftwatch.shadow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.replay.ExpectedSchema;
import io.driftwatch.core.replay.ReplayPlan;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * The schema the applied migrations produce: from the store when these scripts were replayed before
 * on a server of the same major version, else replayed now and kept.
 */
@ApplicationScoped
public class ExpectedSchemas {

  private static final Logger LOG = Logger.getLogger(ExpectedSchemas.class);
  private static final String FIND = "SELECT catalog FROM catalog_snapshot WHERE cache_key = $1";
  private static final String KEEP = "INSERT INTO catalog_snapshot (cache_key, catalog) VALUES ($1, $2) ON CONFLICT DO NOTHING";

  /** The last catalogs used, by key: an audit at an unchanged commit parses nothing. */
  private final java.util.Map<String, Catalog> recent = java.util.Collections.synchronizedMap(
      new java.util.LinkedHashMap<>(32, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<String, Catalog> eldest) {
          return size() > 32;
        }
      });

  private final ShadowReplayer replayer;
  private final ShadowServer shadows;
  private final Pool store;
  private final ObjectMapper json;

  public ExpectedSchemas(ShadowReplayer replayer, ShadowServer shadows, Pool store, ObjectMapper json) {
    this.replayer = replayer;
    this.shadows = shadows;
    this.store = store;
    this.json = json;
  }

  public Uni<ExpectedSchema> of(ReplayPlan plan, Set<String> schemas) {
    return of(plan, schemas, shadows.global());
  }

  /** On the environment's own shadow server, else on the global one. */
  public Uni<ExpectedSchema> of(ReplayPlan plan, Set<String> schemas, Optional<ShadowTarget> own) {
    return of(plan, schemas, own.orElseGet(shadows::global));
  }

  /** On this shadow server (an environment's own, or the global one). */
  public Uni<ExpectedSchema> of(ReplayPlan plan, Set<String> schemas, ShadowTarget target) {
    return replayer.serverFacts(target).flatMap(server -> {
      String key = key(plan, schemas, server.major());
      return cached(key).flatMap(found -> found.isPresent()
          ? Uni.createFrom().item(ExpectedSchema.of(found.get(), server.extensions(), true))
          : replayer.replay(plan, schemas, target).call(expected -> expected.catalog().isEmpty()
                  || !expected.pendingFailures().isEmpty() // kept only complete: a failing pending one is re-checked
              ? Uni.createFrom().voidItem()
              : keep(key, expected.catalog().get())));
    });
  }

  static String key(ReplayPlan plan, Set<String> schemas, int major) {
    try {
      MessageDigest digest = MessageDigest.getInstance("SHA-256");
      digest.update(plan.cacheKey(major).getBytes(StandardCharsets.UTF_8));
      digest.update(String.join(",", new TreeSet<>(schemas)).getBytes(StandardCharsets.UTF_8));
      digest.update(io.driftwatch.target.PostgresCatalogReader.MODEL_VERSION.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private Uni<Optional<Catalog>> cached(String key) {
    Catalog inMemory = recent.get(key);
    if (inMemory != null) {
      return Uni.createFrom().item(Optional.of(inMemory));
    }
    return store.preparedQuery(FIND).execute(Tuple.of(key)).map(rows -> {
      RowIterator<Row> iterator = rows.iterator();
      if (!iterator.hasNext()) {
        return Optional.empty();
      }
      try {
        Catalog catalog = json.readValue(iterator.next().getString("catalog"), Catalog.class);
        recent.put(key, catalog);
        return Optional.of(catalog);
      } catch (JsonProcessingException e) {
        LOG.warnf("a kept catalog cannot be read any more (%s); replaying again", e.getOriginalMessage());
        return Optional.empty();
      }
    });
  }

  private Uni<Void> keep(String key, Catalog catalog) {
    String text;
    try {
      text = json.writeValueAsString(catalog);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a catalog cannot be written as JSON", e);
    }
    recent.put(key, catalog);
    return store.preparedQuery(KEEP).execute(Tuple.of(key, text)).replaceWithVoid();
  }
}
