package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.Scenario;
import io.driftwatch.core.SchemaInput;
import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.replay.ExpectedSchema;
import io.driftwatch.core.replay.ExpectedSchema.ReplayFailure;
import io.driftwatch.core.replay.ExpectedSchema.ReplayFailure.Cause;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShadowExtensionUnavailableRuleTest {

  private final ShadowExtensionUnavailableRule rule = new ShadowExtensionUnavailableRule();
  private static final Instant NOW = Instant.parse("2026-01-01T00:00:00Z");
  private static final Catalog EMPTY =
      new Catalog(16, List.of("public"), List.of(), List.of(), List.of(), List.of(), List.of());

  @Test
  void extension_ok_every_extension_installed() {
    ExpectedSchema replayed = ExpectedSchema.of(EMPTY, Set.of("vector"), false);
    assertThat(
            RuleCheck.run(
                rule,
                Scenario.create()
                    .migration("a")
                    .deployed("a")
                    .schemaInput(
                        SchemaInput.of(replayed, Optional.empty(), "public", List.of(), NOW))))
        .isEmpty();
  }

  @Test
  void extension_err_names_the_extension_and_the_template_to_provide_it() {
    ReplayFailure missing =
        new ReplayFailure(
            "a",
            "0A000",
            "extension \"vector\" is not available",
            Cause.EXTENSION_UNAVAILABLE,
            "vector");
    assertThat(
            RuleCheck.run(
                rule,
                Scenario.create()
                    .migration("a")
                    .deployed("a")
                    .schemaInput(
                        SchemaInput.of(
                            ExpectedSchema.failed(missing, 16, Set.of()),
                            Optional.empty(),
                            "public",
                            List.of(),
                            NOW))))
        .singleElement()
        .satisfies(
            finding -> {
              assertThat(finding.code()).isEqualTo("SD024");
              assertThat(finding.message())
                  .contains("`vector`")
                  .contains("extension \"vector\" is not available");
              assertThat(finding.help())
                  .contains("CREATE EXTENSION IF NOT EXISTS \"vector\"")
                  .contains("DRIFTWATCH_SHADOW_TEMPLATE=dw_template");
            });
  }

  @Test
  void extension_err_a_pending_migration_says_its_check_did_not_run() {
    ReplayFailure untrusted =
        new ReplayFailure(
            "b",
            "42501",
            "permission denied to create extension \"dblink\"",
            Cause.EXTENSION_UNAVAILABLE,
            "dblink");
    ExpectedSchema applied = ExpectedSchema.of(EMPTY, Set.of(), false);
    assertThat(
            RuleCheck.run(
                rule,
                Scenario.create()
                    .migration("a")
                    .deployed("a")
                    .migration("b")
                    .schemaInput(
                        SchemaInput.of(
                            applied,
                            Optional.of(applied.withPendingFailures(List.of(untrusted))),
                            "public",
                            List.of(),
                            NOW))))
        .singleElement()
        .satisfies(
            finding ->
                assertThat(finding.message())
                    .contains("`dblink`")
                    .contains("pre-flight check did not run"));
  }
}
