package io.driftwatch.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A check to run.
 *
 * @param ref the branch, tag or commit of the environment's repository whose migrations to check
 * @param gate the policy to judge by, for this call; the default policy when omitted
 */
public record CheckRequest(@NotBlank @Size(max = 255) String ref, @Valid GateRequest gate) {

  /**
   * A gate policy: selectors written as a code ({@code HI004}), a family ({@code MS}) or {@code *},
   * with an optional {@code :SEVERITY} (that or worse) and {@code @tier}.
   *
   * @param failOn the findings that fail the check; the default's when omitted
   * @param warnOn the findings that warn; the default's when omitted
   */
  public record GateRequest(
      @Size(max = 100) List<@NotBlank @Size(max = 64) String> failOn,
      @Size(max = 100) List<@NotBlank @Size(max = 64) String> warnOn) {}
}
