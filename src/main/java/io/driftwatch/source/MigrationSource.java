package io.driftwatch.source;

import io.driftwatch.core.SourceSnapshot;

/** The port every source adapter implements: read the whole migrations folder, or say why not. */
public interface MigrationSource {

  /** Blocking: call it off the event loop. */
  SourceSnapshot read() throws SourceUnavailableException;

  /** Where the migrations are read from, for reports. */
  String location();
}
