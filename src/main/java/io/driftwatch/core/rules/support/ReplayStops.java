package io.driftwatch.core.rules.support;

import io.driftwatch.core.AuditContext;
import io.driftwatch.core.SchemaInput;
import io.driftwatch.core.replay.ExpectedSchema;
import io.driftwatch.core.replay.ExpectedSchema.ReplayFailure;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Where the shadow replays stopped, each migration once: the applied migration that ended the
 * replay of the applied ones, and the failed migrations run again and the pending ones that the
 * replay of the whole folder could not run.
 */
public final class ReplayStops {

  private ReplayStops() {}

  /**
   * @param pending true for a migration the next deploy runs (a failed one, once resolved, too)
   */
  public record Stop(ReplayFailure failure, boolean pending) {}

  public static List<Stop> of(AuditContext context) {
    List<Stop> stops = new ArrayList<>();
    context
        .schema()
        .flatMap(SchemaInput::expected)
        .flatMap(ExpectedSchema::failure)
        .ifPresent(failure -> stops.add(new Stop(failure, false)));
    Set<String> pending = context.pending().effects().keySet();
    context
        .schema()
        .flatMap(SchemaInput::folder)
        .ifPresent(
            replay -> {
              replay.rerunFailures().forEach(failure -> stops.add(new Stop(failure, true)));
              replay.failuresOf(pending).forEach(failure -> stops.add(new Stop(failure, true)));
            });
    return stops;
  }
}
