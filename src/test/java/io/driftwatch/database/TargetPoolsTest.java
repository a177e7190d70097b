package io.driftwatch.database;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.database.postgres.PostgresUrlSyntax;
import io.driftwatch.testing.StoreDatabase;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
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
      pools.poolFor(id, url);
    }
    assertThat(pools.openPools()).isEqualTo(maxOpenPools);
    UUID recent = environments.get(environments.size() - 1);
    assertThat(pools.poolFor(recent, url))
        .as("a recent pool is kept")
        .isSameAs(pools.poolFor(recent, url));
    environments.forEach(pools::evict);
    assertThat(pools.openPools()).isZero();
  }
}
