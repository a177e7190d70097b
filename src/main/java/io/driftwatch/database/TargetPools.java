package io.driftwatch.database;

import io.driftwatch.config.DriftwatchConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * One small pool per recently audited environment, so repeated audits reuse a warm connection; at
 * most {@code max-open-pools} of them, the least recently used closed first, so the connections
 * held stay bounded however many environments are watched. Each pool is opened by the {@link
 * PoolFactory} of the URL's provider, which makes every connection read-only with bounded session
 * options.
 */
@ApplicationScoped
public class TargetPools {

  private final List<PoolFactory> factories;
  private final int maxOpenPools;
  private final LinkedHashMap<UUID, Entry> pools = new LinkedHashMap<>(64, 0.75f, true);

  public TargetPools(Instance<PoolFactory> factories, DriftwatchConfig config) {
    this.factories = factories.stream().toList();
    this.maxOpenPools = Math.max(1, config.target().maxOpenPools());
  }

  private record Entry(String url, Pool pool) {}

  /**
   * Pools are built on this thread, which belongs to no Vert.x context: a pool built while serving
   * a request would be tied to that request's event loop and closed (and waited for) when the HTTP
   * layer stops, where a connection stuck in a silent target's handshake can hold the shutdown.
   */
  private final ExecutorService builder =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "driftwatch-target-pools");
            thread.setDaemon(true);
            return thread;
          });

  /** The pool for an environment, rebuilt when its URL changed. */
  public synchronized Pool poolFor(UUID environmentId, PrismaDatabaseUrl url) {
    Entry existing = pools.get(environmentId);
    if (existing != null && existing.url().equals(url.raw())) {
      return existing.pool();
    }
    if (existing != null) {
      existing.pool().closeAndForget();
    }
    Entry created = new Entry(url.raw(), buildOffContext(url));
    pools.put(environmentId, created);
    Iterator<Map.Entry<UUID, Entry>> eldest = pools.entrySet().iterator();
    while (pools.size() > maxOpenPools && eldest.hasNext()) {
      Map.Entry<UUID, Entry> victim = eldest.next();
      if (!victim.getKey().equals(environmentId)) {
        victim.getValue().pool().closeAndForget();
        eldest.remove();
      }
    }
    return created.pool();
  }

  /** How many target pools are open now. */
  public synchronized int openPools() {
    return pools.size();
  }

  /** Drops an environment's pool (after it was changed or deleted). */
  public synchronized void evict(UUID environmentId) {
    Entry removed = pools.remove(environmentId);
    if (removed != null) {
      removed.pool().closeAndForget();
    }
  }

  /**
   * Closes every target pool as soon as the service stops, before the HTTP layer is undeployed: a
   * pool created while serving a request may be tied to that request's context, and a connection to
   * a target that went away must not hold the shutdown.
   */
  void onStop(@Observes ShutdownEvent event) {
    closeAll();
  }

  @PreDestroy
  synchronized void closeAll() {
    pools.values().forEach(entry -> entry.pool().closeAndForget());
    pools.clear();
    builder.shutdown();
  }

  private Pool buildOffContext(PrismaDatabaseUrl url) {
    try {
      return builder.submit(() -> build(url)).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while opening a pool", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException(e.getCause());
    }
  }

  private Pool build(PrismaDatabaseUrl url) {
    return factories.stream()
        .filter(factory -> factory.provider().equals(url.provider()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no pool factory for " + url.provider()))
        .open(url);
  }
}
