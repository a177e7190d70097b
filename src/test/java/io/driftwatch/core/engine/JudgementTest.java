package io.driftwatch.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.AuditInput;
import io.driftwatch.core.plan.DataPresence;
import io.driftwatch.core.plan.PlanStep;
import io.driftwatch.core.plan.ResolutionPlanner;
import io.driftwatch.core.plan.ResolutionPlannerTest;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One call judges an audit into findings and plan; the exact data check is one second pass. */
class JudgementTest {

  private final AuditEngine engine = new AuditEngine();

  /** A failed migration applied in part and a phantom whose script is lost. */
  private static AuditInput badlyBroken() {
    return ResolutionPlannerTest.badlyBroken().input();
  }

  @Test
  void the_plan_comes_with_the_findings_it_was_written_from() {
    AuditInput input = badlyBroken();
    Judgement judgement = engine.judge(input, engine.join(input));

    assertThat(judgement.result().findings()).isNotEmpty();
    assertThat(judgement.result().findings())
        .extracting(finding -> finding.type().code())
        .isEqualTo(engine.audit(input).findings().stream().map(f -> f.type().code()).toList());
    assertThat(judgement.plan())
        .isEqualTo(
            new ResolutionPlanner()
                .plan(
                    PlanInputs.of(
                        input,
                        judgement.result(),
                        DataPresence.estimated(input.target().rowEstimates()))));
  }

  @Test
  void estimates_never_give_a_destructive_advice_and_ask_for_the_second_pass() {
    AuditInput input = badlyBroken();
    Judgement estimated = engine.judge(input, engine.join(input));

    assertThat(estimated.needsExactDataCheck()).isTrue();
    assertThat(estimated.plan().data().cleanBaselineRecommended()).isFalse();

    Judgement empty = engine.withExactData(input, estimated, Set.of());
    assertThat(empty.result()).isSameAs(estimated.result());
    assertThat(empty.needsExactDataCheck()).isFalse();
    assertThat(empty.plan().data().cleanBaselineRecommended()).isTrue();
    assertThat(empty.plan().steps())
        .extracting(PlanStep::command)
        .contains("npx prisma migrate reset --force --skip-seed");

    Judgement withRows = engine.withExactData(input, estimated, Set.of("public.a"));
    assertThat(withRows.plan().data().cleanBaselineRecommended()).isFalse();
    assertThat(withRows.plan().steps())
        .extracting(PlanStep::command)
        .noneMatch(command -> command != null && command.contains("reset"));
  }
}
