package io.driftwatch.core.plan;

import io.driftwatch.core.effect.PredictedFailure;
import java.util.List;

/**
 * How one migration the next deploy runs will fare.
 *
 * @param findings the lint findings, {@code MS005: ...}
 * @param predictedFailures what the live catalog says will fail
 * @param shadowError the error of the exact check (the migration applied on a replica of the
 *     expected schema); empty when it passed or did not run
 * @param creates the objects it creates
 * @param irreversible the statements its rollback cannot undo
 */
public record MigrationSafety(
    String migration,
    Safety safety,
    List<String> findings,
    List<PredictedFailure> predictedFailures,
    String shadowError,
    List<DataAtRiskItem> dataAtRisk,
    boolean idempotent,
    List<String> creates,
    List<String> irreversible) {

  public enum Safety {
    /** Creates new objects only, or changes nothing that holds rows. */
    SAFE,
    /** Warnings: locks or surprises, no data lost. */
    CAUTION,
    /** Destroys or rewrites data, or an error-level lint finding. */
    UNSAFE,
    /** Will fail (P3018): predicted from the live catalog or seen on the shadow replica. */
    WILL_FAIL
  }

  public MigrationSafety {
    findings = List.copyOf(findings);
    predictedFailures = List.copyOf(predictedFailures);
    dataAtRisk = List.copyOf(dataAtRisk);
    creates = List.copyOf(creates);
    irreversible = List.copyOf(irreversible);
  }
}
