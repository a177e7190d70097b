package io.driftwatch.core.rules;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.drift.CatchUpMigration;
import io.driftwatch.core.drift.Drift;
import io.driftwatch.core.drift.DriftKind;
import io.driftwatch.core.drift.SchemaDrift;
import io.driftwatch.core.drift.Step;
import io.driftwatch.core.finding.Finding;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The {@code _ok}/{@code _err} pair every drift rule shares: among drifts of every kind, a rule
 * reports exactly the drifts of its own kind, each naming its object, both SQL directions and the
 * catch-up migration.
 */
final class DriftRuleCheck {

  private DriftRuleCheck() {}

  static Drift drift(DriftKind kind, String table) {
    String member =
        kind.objectType().equals("table")
                || kind.objectType().equals("enum")
                || kind.objectType().equals("view")
            ? null
            : "m_" + kind.name().toLowerCase();
    return new Drift(
        kind,
        new QualifiedName("public", table),
        member,
        kind.name().toLowerCase() + " differs",
        List.of(Step.of(Step.Phase.CREATE_TABLE, "LIVE SQL FOR " + table + ";")),
        List.of(Step.of(Step.Phase.DROP_TABLE, "RESTORE SQL FOR " + table + ";")));
  }

  /** Drifts of every kind but this one: the rule stays silent. */
  static void reportsNothingWithout(SchemaRule rule, DriftKind kind) {
    List<Drift> others =
        Arrays.stream(DriftKind.values())
            .filter(k -> k != kind)
            .map(k -> drift(k, "T_" + k))
            .toList();
    SchemaDrift drift = new SchemaDrift(others);
    assertThat(
            SchemaContexts.run(
                rule, SchemaContexts.withDrift(drift, CatchUpMigration.from(drift, Instant.EPOCH))))
        .isEmpty();
    assertThat(SchemaContexts.run(rule, SchemaContexts.empty()))
        .as("no comparison, no finding")
        .isEmpty();
  }

  /** Two drifts of this kind among all the others: two findings, each with its SQL both ways. */
  static void reportsEach(SchemaRule rule, DriftKind kind) {
    List<Drift> drifts = new ArrayList<>();
    Arrays.stream(DriftKind.values())
        .filter(k -> k != kind)
        .forEach(k -> drifts.add(drift(k, "T_" + k)));
    drifts.add(drift(kind, "First"));
    drifts.add(drift(kind, "Second"));
    SchemaDrift drift = new SchemaDrift(drifts);
    CatchUpMigration catchUp = CatchUpMigration.from(drift, Instant.parse("2026-11-21T10:00:00Z"));

    List<Finding> findings = SchemaContexts.run(rule, SchemaContexts.withDrift(drift, catchUp));

    assertThat(findings)
        .extracting(Finding::subject)
        .allSatisfy(s -> assertThat(s).startsWith("public."))
        .anySatisfy(s -> assertThat(s).contains("First"))
        .anySatisfy(s -> assertThat(s).contains("Second"));
    assertThat(findings)
        .hasSize(2)
        .allSatisfy(
            finding -> {
              assertThat(finding.type())
                  .as("a rule reports only its own type")
                  .isEqualTo(rule.type());
              assertThat(finding.severity())
                  .as("%s is reported at its severity", rule.type().code())
                  .isEqualTo(rule.type().severity());
              assertThat(finding.message())
                  .contains(kind.objectType())
                  .contains(kind.name().toLowerCase() + " differs");
              assertThat(finding.help())
                  .contains("LIVE SQL FOR")
                  .contains("RESTORE SQL FOR")
                  .contains("20261121100000_catch_up_drift")
                  .contains("npx prisma migrate resolve --applied");
            });
  }
}
