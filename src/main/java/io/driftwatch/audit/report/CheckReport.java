package io.driftwatch.audit.report;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A check: the environment's database audited against the migrations of a ref, judged by a gate
 * policy. Stored and listed, never the environment's latest status, never alerted.
 *
 * @param ref the branch, tag or commit checked
 * @param commit the commit the ref named when checked; null when the source could not be read
 * @param verdict {@code PASS}, {@code WARN} or {@code FAIL} by the policy; {@code ERROR} when the
 *     database or the source could not be read (the audit's error says why)
 * @param policy the policy the verdict was given by
 * @param reasons the findings the policy fails or warns on, failures first, each with its fix
 * @param markdown the answer as a pull-request comment
 * @param audit the audit behind it, in full
 */
public record CheckReport(
    UUID id,
    String environment,
    String ref,
    String commit,
    Instant startedAt,
    Instant finishedAt,
    Verdict verdict,
    Policy policy,
    List<Reason> reasons,
    String markdown,
    AuditReport audit) {

  /** What a pipeline branches on. */
  @Schema(name = "CheckVerdict")
  public enum Verdict {
    PASS,
    WARN,
    FAIL,
    ERROR
  }

  /** The policy as selectors: a code, a family or *, with :SEVERITY and @tier. */
  @Schema(name = "GatePolicy")
  public record Policy(List<String> failOn, List<String> warnOn) {}

  /**
   * A finding that decided the verdict.
   *
   * @param effect {@code FAIL} or {@code WARN}
   * @param rule the policy's selector that caught it
   */
  @Schema(name = "CheckReason")
  public record Reason(Verdict effect, String rule, FindingReport finding) {}
}
