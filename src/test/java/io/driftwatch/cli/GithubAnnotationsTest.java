package io.driftwatch.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.driftwatch.audit.report.AuditReport;
import io.driftwatch.audit.report.CheckReport;
import io.driftwatch.audit.report.FindingReport;
import io.driftwatch.core.Outcome;
import io.driftwatch.core.finding.Severity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Workflow commands from hostile text: nothing a script or a name holds can forge a command. */
class GithubAnnotationsTest {

  private static CheckReport check(FindingReport finding, CheckReport.Verdict effect) {
    AuditReport audit =
        new AuditReport(
            UUID.randomUUID(),
            "local",
            "production",
            Instant.EPOCH,
            Instant.EPOCH,
            0,
            Outcome.DRIFT,
            null,
            null,
            null,
            null,
            null,
            List.of(finding),
            null,
            null,
            null,
            null);
    List<CheckReport.Reason> reasons =
        effect == null ? List.of() : List.of(new CheckReport.Reason(effect, "MS", finding));
    return new CheckReport(
        audit.id(),
        "local",
        null,
        null,
        Instant.EPOCH,
        Instant.EPOCH,
        effect == null ? CheckReport.Verdict.PASS : effect,
        new CheckReport.Policy(List.of("MS"), List.of()),
        reasons,
        "",
        audit);
  }

  private static FindingReport finding(String migration, String message, Integer line) {
    return new FindingReport(
        "MS002", "DROP_COLUMN", Severity.WARNING, migration, message, "fix it", null, null, line);
  }

  @Test
  void a_message_cannot_open_a_command_of_its_own() {
    String out =
        GithubAnnotations.of(
            check(
                finding("20240101000000_x", "drops %s\n::error::forged\r\nmore", 3),
                CheckReport.Verdict.FAIL),
            new MigrationFiles("prisma/migrations"));

    assertThat(out.lines())
        .hasSize(2)
        .first()
        .isEqualTo(
            "::error file=prisma/migrations/20240101000000_x/migration.sql,line=3,"
                + "title=MS002 DROP_COLUMN::drops %25s%0A::error::forged%0D%0Amore%0AFix: fix it");
  }

  @Test
  void a_name_cannot_add_properties() {
    String out =
        GithubAnnotations.of(
            check(finding("2024_a,line=99,title=x:y", "m", null), null),
            new MigrationFiles("./db/"));

    assertThat(out.lines().findFirst().orElseThrow())
        .isEqualTo(
            "::notice file=db/2024_a%2Cline=99%2Ctitle=x%3Ay/migration.sql,line=1,"
                + "title=MS002 DROP_COLUMN::m%0AFix: fix it");
  }
}
