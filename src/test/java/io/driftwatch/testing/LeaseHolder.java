package io.driftwatch.testing;

import io.driftwatch.store.AuditLease;
import io.driftwatch.store.AuditLeases;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import java.time.Duration;
import java.util.UUID;

/**
 * Another replica in the middle of an audit, in a process of its own: takes an environment's lease
 * on the store with the service's own {@link AuditLeases}, keeps it alive as an audit does, prints
 * {@code HELD}, and runs until killed.
 */
public final class LeaseHolder {

  private LeaseHolder() {}

  /**
   * Arguments: host, port, store database, user, password, environment id, lease timeout in
   * seconds.
   */
  public static void main(String[] args) throws Exception {
    Vertx vertx = Vertx.vertx();
    PgConnectOptions options =
        new PgConnectOptions()
            .setHost(args[0])
            .setPort(Integer.parseInt(args[1]))
            .setDatabase(args[2])
            .setUser(args[3])
            .setPassword(args[4]);
    Pool store =
        Pool.newInstance(PgBuilder.pool().connectingTo(options).using(vertx.getDelegate()).build());
    AuditLeases leases = new AuditLeases(store, Duration.ofSeconds(Long.parseLong(args[6])));
    AuditLease lease =
        leases.acquire(UUID.fromString(args[5])).await().atMost(Duration.ofSeconds(30));
    lease.keepAlive();
    System.out.println("HELD");
    System.out.flush();
    Thread.sleep(Long.MAX_VALUE);
  }
}
