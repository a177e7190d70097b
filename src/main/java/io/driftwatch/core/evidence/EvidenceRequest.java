package io.driftwatch.core.evidence;

import io.driftwatch.core.history.MigrationHistory;
import io.driftwatch.core.history.MigrationRecord;
import io.driftwatch.core.history.MigrationState;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The migrations version control is asked about: phantoms (where did they go?), edited ones (which
 * commits changed them after the database applied them?) and the ones deploy would run (which
 * commit added them?).
 *
 * @param edited name to the instant the database applied it
 */
public record EvidenceRequest(
    Set<String> phantoms, Map<String, Instant> edited, Set<String> additions) {

  public static EvidenceRequest from(MigrationHistory history) {
    Set<String> phantoms = new LinkedHashSet<>();
    Map<String, Instant> edited = new LinkedHashMap<>();
    Set<String> additions = new LinkedHashSet<>();
    for (MigrationRecord record : history.records()) {
      MigrationState state = history.stateOf(record);
      if (state == MigrationState.PHANTOM) {
        phantoms.add(record.name());
      } else if (state.deployWillApply()) {
        additions.add(record.name());
      } else if (state == MigrationState.APPLIED && !record.checksumMatches().orElse(true)) {
        edited.put(record.name(), record.appliedRow().orElseThrow().finishedAt());
      }
    }
    return new EvidenceRequest(phantoms, edited, additions);
  }

  public boolean isEmpty() {
    return phantoms.isEmpty() && edited.isEmpty() && additions.isEmpty();
  }

  /** Every migration name asked about. */
  public Set<String> names() {
    Set<String> names = new LinkedHashSet<>(phantoms);
    names.addAll(edited.keySet());
    names.addAll(additions);
    return names;
  }
}
