package io.driftwatch.core;

import io.driftwatch.core.history.FolderMigration;
import java.util.List;
import java.util.Optional;

/**
 * What a migration source holds, read in full before the engine runs.
 *
 * @param lockProvider the {@code provider} of {@code migration_lock.toml}, empty when there is no lock file
 * @param revision the commit the folder was read at, for a git source
 */
public record SourceSnapshot(List<FolderMigration> migrations, Optional<String> lockProvider, Optional<Revision> revision) {

  public SourceSnapshot {
    migrations = List.copyOf(migrations);
  }

  public SourceSnapshot(List<FolderMigration> migrations, Optional<String> lockProvider) {
    this(migrations, lockProvider, Optional.empty());
  }
}
