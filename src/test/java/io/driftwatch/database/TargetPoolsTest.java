package io.driftwatch.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.driftwatch.database.postgres.PostgresUrlSyntax;
import io.driftwatch.testing.StoreDatabase;
import io.driftwatch.testing.TargetDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** However many environments are audited, at most max-open-pools target pools stay open. */
@QuarkusTest
@WithTestResource(StoreDatabase.class)
class TargetPoolsTest {

  @Inject TargetPools pools;

  @ConfigProperty(name = "driftwatch.target.max-open-pools")
  int maxOpenPools;

  @Test
  void the_least_recently_used_pools_are_closed_beyond_the_cap() {
    PrismaDatabaseUrl url = PostgresUrlSyntax.parse("postgresql://u@127.0.0.1:5432/none");
    List<UUID> environments = new ArrayList<>();
    for (int i = 0; i < maxOpenPools + 10; i++) {
      UUID id = UUID.randomUUID();
      environments.add(id);
      pools.lease(id, url).release();
    }
    assertThat(pools.openPools()).isEqualTo(maxOpenPools);
    UUID recent = environments.get(environments.size() - 1);
    TargetPools.Lease once = pools.lease(recent, url);
    TargetPools.Lease again = pools.lease(recent, url);
    assertThat(again.pool()).as("a recent pool is kept").isSameAs(once.pool());
    once.release();
    again.release();
    environments.forEach(pools::evict);
    assertThat(pools.openPools()).isZero();
  }

  /**
   * More audits at once than the cap: the pool an audit is reading from is not closed under it when
   * other environments' pools push it out; it is closed once the audit lets it go.
   */
  @Test
  void a_pool_in_use_is_closed_only_once_released() {
    try (TargetDatabase target = TargetDatabase.create()) {
      PrismaDatabaseUrl url = PostgresUrlSyntax.parse(target.prismaUrl());
      UUID reading = UUID.randomUUID();
      TargetPools.Lease lease = pools.lease(reading, url);
      for (int i = 0; i < maxOpenPools + 2; i++) {
        pools.lease(UUID.randomUUID(), url).release();
      }

      assertThat(select(lease)).as("still open while leased").isEqualTo(1);
      lease.release();
      assertThatThrownBy(() -> select(lease)).as("closed once released").isNotNull();
      lease.release(); // twice is harmless
    }
  }

  @Test
  void an_evicted_pool_in_use_is_closed_once_released_and_the_next_lease_gets_a_new_one() {
    try (TargetDatabase target = TargetDatabase.create()) {
      PrismaDatabaseUrl url = PostgresUrlSyntax.parse(target.prismaUrl());
      UUID environment = UUID.randomUUID();
      TargetPools.Lease first = pools.lease(environment, url);
      pools.evict(environment);

      TargetPools.Lease second = pools.lease(environment, url);
      assertThat(second.pool()).isNotSameAs(first.pool());
      assertThat(select(first)).isEqualTo(1);
      first.release();
      assertThatThrownBy(() -> select(first)).isNotNull();
      assertThat(select(second)).isEqualTo(1);
      second.release();
      pools.evict(environment);
    }
  }

  private static int select(TargetPools.Lease lease) {
    return lease
        .pool()
        .query("SELECT 1")
        .execute()
        .await()
        .atMost(Duration.ofSeconds(20))
        .iterator()
        .next()
        .getInteger(0);
  }
}
