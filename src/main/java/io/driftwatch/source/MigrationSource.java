package io.driftwatch.source;

import io.driftwatch.core.SourceSnapshot;
import io.driftwatch.core.evidence.EvidenceRequest;
import io.driftwatch.core.evidence.HistoryEvidence;
import io.driftwatch.core.evidence.Revision;
import java.util.Optional;

/**
 * The port every source adapter implements: read the whole migrations folder, or say why not; and,
 * for sources with version control, explain findings from their history. Blocking: call it off the
 * event loop, once per audit, and close it afterwards.
 */
public interface MigrationSource extends AutoCloseable {

  SourceSnapshot read() throws SourceUnavailableException;

  /** Where the migrations are read from, for reports (never with credentials). */
  String location();

  /** What version control says about the questioned migrations, after {@link #read()}. */
  default HistoryEvidence explain(EvidenceRequest request) {
    return HistoryEvidence.NONE;
  }

  /** After a failed read: the revision the last successful fetch brought, if any. */
  default Optional<Revision> lastKnownRevision() {
    return Optional.empty();
  }

  @Override
  default void close() {}
}
