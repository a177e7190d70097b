package io.driftwatch.database;

import io.driftwatch.config.DriftwatchConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
 *
 * <p>A reader holds a pool through a {@link Lease}: a pool pushed out of the cap, replaced for a
 * new URL or evicted while leased is closed when its last lease is released, never under a read in
 * progress. So more pools than the cap may be open for a moment: at most one per read running.
 */
@ApplicationScoped
public class TargetPools {

  private final List<PoolFactory> factories;
  private final int maxOpenPools;
  private final LinkedHashMap<UUID, Entry> pools = new LinkedHashMap<>(64, 0.75f, true);

  /** Pools out of the map still leased: closed with their last lease, or at shutdown. */
  private final Set<Entry> retiredInUse = new HashSet<>();

  @Inject
  public TargetPools(Instance<PoolFactory> factories, DriftwatchConfig config) {
    this(factories.stream().toList(), config.target().maxOpenPools());
  }

  /** For a run with no container (the command line): these factories, at most this many pools. */
  public TargetPools(List<PoolFactory> factories, int maxOpenPools) {
    this.factories = List.copyOf(factories);
    this.maxOpenPools = Math.max(1, maxOpenPools);
  }

  /** A pool and how many leases hold it; guarded by the TargetPools' lock. */
  private static final class Entry {
    final String url;
    final Pool pool;
    int leases;
    boolean retired;

    Entry(String url, Pool pool) {
      this.url = url;
      this.pool = pool;
    }
  }

  /**
   * One reader's hold on an environment's pool, from {@link #lease} to {@link #release} (which a
   * reader calls however its read ends; calling it again does nothing).
   */
  public final class Lease {
    private final Entry entry;
    private boolean released;

    private Lease(Entry entry) {
      this.entry = entry;
    }

    public Pool pool() {
      return entry.pool;
    }

    public void release() {
      synchronized (TargetPools.this) {
        if (released) {
          return;
        }
        released = true;
        entry.leases--;
        if (entry.retired && entry.leases == 0) {
          retiredInUse.remove(entry);
          entry.pool.closeAndForget();
        }
      }
    }
  }

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

  /** A lease on the pool for an environment, rebuilt when its URL changed. */
  public synchronized Lease lease(UUID environmentId, PrismaDatabaseUrl url) {
    Entry entry = pools.get(environmentId);
    if (entry == null || !entry.url.equals(url.raw())) {
      if (entry != null) {
        retire(pools.remove(environmentId));
      }
      entry = new Entry(url.raw(), buildOffContext(url));
      pools.put(environmentId, entry);
      Iterator<Map.Entry<UUID, Entry>> eldest = pools.entrySet().iterator();
      while (pools.size() > maxOpenPools && eldest.hasNext()) {
        Map.Entry<UUID, Entry> victim = eldest.next();
        if (!victim.getKey().equals(environmentId)) {
          retire(victim.getValue());
          eldest.remove();
        }
      }
    }
    entry.leases++;
    return new Lease(entry);
  }

  /** Closes a pool taken out of the map now, or with its last lease. */
  private void retire(Entry entry) {
    entry.retired = true;
    if (entry.leases == 0) {
      entry.pool.closeAndForget();
    } else {
      retiredInUse.add(entry);
    }
  }

  /** How many target pools are kept for reuse now (those retired but still leased aside). */
  public synchronized int openPools() {
    return pools.size();
  }

  /** Drops an environment's pool (after it was changed or deleted). */
  public synchronized void evict(UUID environmentId) {
    Entry removed = pools.remove(environmentId);
    if (removed != null) {
      retire(removed);
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
  public synchronized void closeAll() {
    pools.values().forEach(entry -> entry.pool.closeAndForget());
    pools.clear();
    retiredInUse.forEach(entry -> entry.pool.closeAndForget());
    retiredInUse.clear();
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
