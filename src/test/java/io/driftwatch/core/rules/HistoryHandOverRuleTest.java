package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.Scenario;
import io.driftwatch.core.history.ContractState;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HistoryHandOverRuleTest {

  private final HistoryHandOverRule rule = new HistoryHandOverRule();

  @Test
  void history_hand_over_ok_prisma_migrate_alone() {
    assertThat(RuleCheck.run(rule, Scenario.create().migration("a").deployed("a"))).isEmpty();
  }

  @Test
  void history_hand_over_ok_prisma_8_alone() {
    Scenario scenario = Scenario.create().migration("a").deployed("a");
    scenario.contract(
        ManagedByPrisma8RuleTest.signedAt(scenario.now().plus(Duration.ofHours(1)), "abc"));
    assertThat(RuleCheck.run(rule, scenario)).isEmpty();
  }

  @Test
  void history_hand_over_err_deploys_after_prisma_8_took_over() {
    Scenario scenario = Scenario.create().migration("a");
    scenario.contract(
        ManagedByPrisma8RuleTest.signedAt(scenario.now().plus(Duration.ofSeconds(30)), "abc"));
    scenario.deployed("a").migration("b");
    assertThat(RuleCheck.run(rule, scenario))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.message())
                  .contains("two histories")
                  .contains("still written to")
                  .contains("after Prisma 8 took over");
              assertThat(f.help()).contains("npx prisma migration apply");
            });
    // Prisma Migrate's findings still stand: the table is in use.
    assertThat(scenario.findingNames()).contains("HISTORY_HAND_OVER", "PENDING_MIGRATION");
  }

  @Test
  void history_hand_over_err_never_signed() {
    Scenario scenario =
        Scenario.create()
            .migration("a")
            .deployed("a")
            .contract(
                new ContractState(
                    "prisma_contract",
                    0,
                    Optional.empty(),
                    Optional.empty(),
                    0,
                    Optional.empty(),
                    List.of()));
    assertThat(RuleCheck.run(rule, scenario))
        .singleElement()
        .satisfies(
            f -> {
              assertThat(f.message()).contains("never signed");
              assertThat(f.help()).contains("npx prisma db sign");
            });
  }
}
