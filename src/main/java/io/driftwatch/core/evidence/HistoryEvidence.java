package io.driftwatch.core.evidence;

import java.util.Map;
import java.util.Optional;

/**
 * Everything version control could say about the migrations an audit questions, gathered by an
 * adapter before the rules run, so the rules stay pure.
 *
 * @param complete false when the history walk hit its cap: absence of evidence is then not evidence
 */
public record HistoryEvidence(
    Map<String, Evidence> phantoms,
    Map<String, Evidence> edits,
    Map<String, Evidence> additions,
    boolean complete) {

  /** No version control behind the source (a path source). */
  public static final HistoryEvidence NONE =
      new HistoryEvidence(Map.of(), Map.of(), Map.of(), false);

  public HistoryEvidence {
    phantoms = Map.copyOf(phantoms);
    edits = Map.copyOf(edits);
    additions = Map.copyOf(additions);
  }

  public Optional<Evidence> phantom(String migration) {
    return Optional.ofNullable(phantoms.get(migration));
  }

  public Optional<Evidence> edit(String migration) {
    return Optional.ofNullable(edits.get(migration));
  }

  public Optional<Evidence> addition(String migration) {
    return Optional.ofNullable(additions.get(migration));
  }
}
