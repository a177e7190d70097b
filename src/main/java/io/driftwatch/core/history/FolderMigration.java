package io.driftwatch.core.history;

import java.util.Objects;
import java.util.Optional;

/**
 * An immediate subdirectory of {@code prisma/migrations}: a migration whatever its name. Its
 * script is absent when the directory has no {@code migration.sql} (Prisma's P3015).
 */
public record FolderMigration(String name, Optional<MigrationScript> script) {

  public FolderMigration {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(script, "script");
  }

  public static FolderMigration withScript(String name, MigrationScript script) {
    return new FolderMigration(name, Optional.of(script));
  }

  public static FolderMigration withoutScript(String name) {
    return new FolderMigration(name, Optional.empty());
  }
}
