package io.driftwatch.core.history;

import java.util.Objects;
import java.util.Optional;

/**
 * An immediate subdirectory of {@code prisma/migrations}: a migration whatever its name. Its script
 * is absent when the directory has no {@code migration.sql} (Prisma's P3015), or when driftwatch
 * would not read it ({@code unreadable} says why: a link, a file over the size limit).
 */
public record FolderMigration(
    String name, Optional<MigrationScript> script, Optional<String> unreadable) {

  public FolderMigration {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(script, "script");
    Objects.requireNonNull(unreadable, "unreadable");
  }

  public static FolderMigration withScript(String name, MigrationScript script) {
    return new FolderMigration(name, Optional.of(script), Optional.empty());
  }

  public static FolderMigration withoutScript(String name) {
    return new FolderMigration(name, Optional.empty(), Optional.empty());
  }

  /** A migration.sql exists but was not read, for the reason given. */
  public static FolderMigration unreadable(String name, String reason) {
    return new FolderMigration(name, Optional.empty(), Optional.of(reason));
  }

  /** True when the directory really has no migration.sql (not merely an unread one). */
  public boolean missingScript() {
    return script.isEmpty() && unreadable.isEmpty();
  }
}
