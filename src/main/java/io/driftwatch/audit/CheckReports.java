package io.driftwatch.audit;

import io.driftwatch.audit.report.AuditReport;
import io.driftwatch.audit.report.CheckReport;
import io.driftwatch.core.Outcome;
import io.driftwatch.core.gate.Gate;
import io.driftwatch.core.gate.GatePolicy;
import io.driftwatch.core.gate.GateResult;
import io.driftwatch.core.gate.GateVerdict;
import java.util.List;

/**
 * A judged audit as a check: the gate's verdict on its findings, the reasons with their fixes, and
 * the pull-request comment. What the service's checks and the command line's share.
 */
final class CheckReports {

  private CheckReports() {}

  /**
   * @param ref the ref checked; null for a folder
   */
  static CheckReport of(
      String environment, String tier, String ref, GatePolicy policy, AuditJudging.Judged judged) {
    AuditReport audit = judged.report();
    CheckReport.Verdict verdict;
    List<CheckReport.Reason> reasons;
    if (audit.outcome() == Outcome.ERROR) {
      verdict = CheckReport.Verdict.ERROR;
      reasons = List.of();
    } else {
      GateResult gate = Gate.judge(judged.findings(), policy, tier);
      verdict = CheckReport.Verdict.valueOf(gate.verdict().name());
      reasons =
          gate.reasons().stream()
              .map(
                  reason ->
                      new CheckReport.Reason(
                          reason.effect() == GateVerdict.FAIL
                              ? CheckReport.Verdict.FAIL
                              : CheckReport.Verdict.WARN,
                          reason.selector().toString(),
                          ReportBuilder.finding(reason.finding())))
              .toList();
    }
    String commit =
        audit.source() == null || audit.source().commit() == null
            ? null
            : audit.source().commit().sha();
    return new CheckReport(
        audit.id(),
        environment,
        ref,
        commit,
        audit.startedAt(),
        audit.finishedAt(),
        verdict,
        new CheckReport.Policy(
            policy.failOn().stream().map(Object::toString).toList(),
            policy.warnOn().stream().map(Object::toString).toList()),
        reasons,
        CheckMarkdown.of(
            environment,
            ref,
            commit,
            verdict,
            reasons,
            audit.error() == null ? null : audit.error().message()),
        audit);
  }
}
