package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.Scenario;
import io.driftwatch.core.history.ContractState;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ManagedByPrisma8RuleTest {

  private final ManagedByPrisma8Rule rule = new ManagedByPrisma8Rule();

  static ContractState signedAt(Instant at, String hash) {
    return new ContractState(
        "_prisma", 1, Optional.of(hash), Optional.of(at), 3, Optional.of(at), List.of());
  }

  @Test
  void managed_by_prisma_8_ok_prisma_migrate_database() {
    assertThat(RuleCheck.run(rule, Scenario.create().migration("a").deployed("a"))).isEmpty();
  }

  @Test
  void managed_by_prisma_8_ok_hand_over_in_progress() {
    Scenario scenario = Scenario.create().migration("a").deployed("a");
    // _prisma_migrations written to after Prisma 8 took over: both in use, not this rule's.
    scenario.contract(signedAt(scenario.now().minus(Duration.ofDays(1)), "abc"));
    assertThat(RuleCheck.run(rule, scenario)).isEmpty();
  }

  @Test
  void managed_by_prisma_8_err_marker_after_the_last_deploy() {
    Scenario scenario = Scenario.create().migration("a").deployed("a").migration("b");
    scenario.contract(signedAt(scenario.now().plus(Duration.ofDays(1)), "c9bc2918"));
    assertThat(RuleCheck.run(rule, scenario))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.message())
                  .contains("managed by Prisma 8")
                  .contains("`_prisma`")
                  .contains("inert")
                  .contains("contract c9bc2918")
                  .contains("does not yet replay Prisma 8's migrations");
              assertThat(f.help())
                  .contains("npx prisma migration status --json")
                  .contains("npx prisma db verify");
            });
  }

  @Test
  void managed_by_prisma_8_err_no_history_table_says_what_was_not_understood() {
    Scenario scenario =
        Scenario.create()
            .noHistoryTable(true)
            .contract(
                new ContractState(
                    "prisma_contract",
                    1,
                    Optional.empty(),
                    Optional.empty(),
                    0,
                    Optional.empty(),
                    List.of("the marker has none of the columns core_hash")));
    assertThat(RuleCheck.run(rule, scenario))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.message())
                    .contains("there is no _prisma_migrations")
                    .contains("Not understood: the marker has none of the columns core_hash"));
  }

  @Test
  void an_inert_history_raises_no_prisma_migrate_finding_and_plans_no_migrate_step() {
    Scenario scenario =
        Scenario.create().migration("a").deployed("a").failed("b", "boom").migration("c");
    scenario.contract(signedAt(scenario.now().plus(Duration.ofDays(1)), "c9bc2918"));
    assertThat(scenario.findingNames()).containsExactly("MANAGED_BY_PRISMA_8");
    var judgement =
        new io.driftwatch.core.engine.AuditEngine()
            .judge(
                scenario.input(),
                new io.driftwatch.core.engine.AuditEngine().join(scenario.input()));
    assertThat(judgement.plan().steps())
        .extracting(step -> step.command())
        .containsExactly("npx prisma migration status --json", "npx prisma db verify");
    assertThat(judgement.plan().summary()).startsWith("Prisma 8 owns this database's history");
  }
}
