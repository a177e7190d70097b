package io.driftwatch.target;

import io.driftwatch.config.DriftwatchConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import io.vertx.sqlclient.PoolOptions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * One small pool per recently audited environment, so repeated audits reuse a warm connection; at
 * most {@code max-open-pools} of them, the least recently used closed first, so the connections
 * held stay bounded however many environments are watched. Every connection is read-only from its
 * first packet: the session defaults are sent as startup parameters ({@code
 * default_transaction_read_only}, {@code standard_conforming_strings}, timeouts, {@code
 * application_name}).
 */
@ApplicationScoped
public class TargetPools {

  private final Vertx vertx;
  private final DriftwatchConfig.Target config;
  private final int maxOpenPools;
  private final LinkedHashMap<UUID, Entry> pools = new LinkedHashMap<>(64, 0.75f, true);

  public TargetPools(Vertx vertx, DriftwatchConfig config) {
    this.vertx = vertx;
    this.config = config.target();
    this.maxOpenPools = Math.max(1, config.target().maxOpenPools());
  }

  private record Entry(String url, Pool pool) {}

  /**
   * Pools are built on this thread, which belongs to no Vert.x context: a pool built while serving
   * a request would be tied to that request's event loop and closed (and waited for) when the HTTP
   * layer stops, where a connection stuck in a silent target's handshake can hold the shutdown.
   */
  private final java.util.concurrent.ExecutorService builder =
      java.util.concurrent.Executors.newSingleThreadExecutor(
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
    } catch (java.util.concurrent.ExecutionException e) {
      throw e.getCause() instanceof RuntimeException runtime
          ? runtime
          : new IllegalStateException(e.getCause());
    }
  }

  private Pool build(PrismaDatabaseUrl url) {
    PgConnectOptions options = connectOptions(url, config);
    PoolOptions poolOptions =
        new PoolOptions()
            .setMaxSize(1)
            .setIdleTimeout((int) config.idleTimeout().toSeconds())
            .setIdleTimeoutUnit(TimeUnit.SECONDS)
            .setConnectionTimeout((int) Math.max(1, config.connectTimeout().toSeconds()))
            .setConnectionTimeoutUnit(TimeUnit.SECONDS);
    io.vertx.sqlclient.Pool pool =
        PgBuilder.pool().with(poolOptions).connectingTo(options).using(vertx.getDelegate()).build();
    return Pool.newInstance(pool);
  }

  static PgConnectOptions connectOptions(PrismaDatabaseUrl url, DriftwatchConfig.Target config) {
    PgConnectOptions options =
        new PgConnectOptions()
            .setHost(url.host())
            .setPort(url.port())
            .setDatabase(url.database())
            .setUser(url.user())
            .setPassword(url.password().orElse(""))
            .setConnectTimeout((int) config.connectTimeout().toMillis())
            .setReconnectAttempts(0)
            .setCachePreparedStatements(false)
            .setProperties(
                Map.of(
                    "application_name",
                    "driftwatch",
                    "default_transaction_read_only",
                    "on",
                    // Whatever the server's default: a backslash in a literal never ends it (every
                    // value is bound anyway).
                    "standard_conforming_strings",
                    "on",
                    "statement_timeout",
                    String.valueOf(config.statementTimeout().toMillis()),
                    "lock_timeout",
                    String.valueOf(config.lockTimeout().toMillis()),
                    "idle_in_transaction_session_timeout",
                    String.valueOf(config.statementTimeout().toMillis())));
    switch (url.sslMode()) {
      case "disable" -> options.setSslMode(SslMode.DISABLE);
      case "require" -> options.setSslMode(SslMode.REQUIRE).setTrustAll(true);
      case "verify-ca" -> options.setSslMode(SslMode.VERIFY_CA);
      case "verify-full" ->
          options.setSslMode(SslMode.VERIFY_FULL).setHostnameVerificationAlgorithm("HTTPS");
      default -> options.setSslMode(SslMode.PREFER).setTrustAll(true);
    }
    url.parameter("sslrootcert")
        .ifPresent(cert -> options.setPemTrustOptions(new PemTrustOptions().addCertPath(cert)));
    return options;
  }
}
