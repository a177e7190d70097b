package io.driftwatch.board;

import io.driftwatch.access.TokenScope;
import io.driftwatch.audit.PlanMarkdown;
import io.driftwatch.audit.report.AuditReport;
import io.driftwatch.audit.report.AuditSummary;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Optional;

/** What the environment's page and an audit's page share: who may see it, and the page itself. */
final class ReportPage {

  private ReportPage() {}

  /** The refusal of a viewer whose token is limited to other environments; else empty. */
  static Optional<Response> outOfScope(SecurityIdentity identity, String environment) {
    if (environment != null && !TokenScope.allows(identity, environment)) {
      return Optional.of(
          Pages.page(
              403,
              BoardTemplates.message(
                  "Not allowed",
                  "This sign-in's token is limited to other environments than `"
                      + environment
                      + "`."),
              null));
    }
    return Optional.empty();
  }

  static Response of(
      AuditReport report, List<AuditSummary> history, boolean latest, HttpHeaders headers) {
    String plan =
        report.plan() == null
            ? null
            : PlanMarkdown.render(report.environment(), report.finishedAt(), report.plan());
    return Pages.page(
        200, BoardTemplates.report(new ReportView(report, plan, history, latest)), headers);
  }
}
