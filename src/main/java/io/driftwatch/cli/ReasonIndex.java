package io.driftwatch.cli;

import io.driftwatch.audit.report.CheckReport;
import io.driftwatch.audit.report.FindingReport;
import io.driftwatch.audit.report.MigrationReport;
import io.driftwatch.core.history.MigrationState;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * What the annotation formats ask of a check: the effect the policy gave each finding, and which
 * migrations have a script in the folder (a phantom has none to point at).
 */
final class ReasonIndex {

  private final Map<String, CheckReport.Verdict> effects = new HashMap<>();
  private final Set<String> withoutScript = new HashSet<>();

  ReasonIndex(CheckReport check) {
    for (CheckReport.Reason reason : check.reasons()) {
      effects.putIfAbsent(identity(reason.finding()), reason.effect());
    }
    if (check.audit().history() != null) {
      for (MigrationReport migration : check.audit().history().migrations()) {
        if (migration.state() == MigrationState.PHANTOM) {
          withoutScript.add(migration.name());
        }
      }
    }
  }

  /** {@code FAIL}, {@code WARN}, or null when the policy let the finding pass. */
  CheckReport.Verdict effect(FindingReport finding) {
    return effects.get(identity(finding));
  }

  /** The migration whose script the finding is about, or null when there is no script. */
  String scriptOf(FindingReport finding) {
    String migration = finding.migration();
    return migration == null || withoutScript.contains(migration) ? null : migration;
  }

  private static String identity(FindingReport finding) {
    return finding.code() + '\u0000' + finding.key() + '\u0000' + finding.line();
  }
}
