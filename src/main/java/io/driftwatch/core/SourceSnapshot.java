package io.driftwatch.core;

import io.driftwatch.core.evidence.Revision;
import io.driftwatch.core.history.FolderMigration;
import io.driftwatch.core.prisma.ProjectPaths;
import io.driftwatch.core.prisma.SourceLayout;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What a migration source holds, read in full before the engine runs.
 *
 * @param lockProvider the {@code provider} of {@code migration_lock.toml}, empty when there is no
 *     lock file
 * @param revision the commit the folder was read at, for a git source
 * @param schemaFiles the Prisma schema: {@code schema.prisma}, or every {@code .prisma} file of a
 *     schema folder, by path relative to the schema's location; empty when the source has none
 * @param schemaUnread why the schema was not read, when its files are larger than driftwatch reads
 *     ({@link io.driftwatch.core.prisma.schema.PrismaSchema#MAX_BYTES}): their text is not kept
 *     then
 * @param schemaLookedFor where the schema was looked for, as the user would write it ({@code
 *     `prisma/schema.prisma` or `prisma/schema/`}): what a finding names when nothing was found
 *     there
 * @param paths where the migrations folder and the schema are in the repository, for the commands
 *     given
 * @param layout how the project was laid out (its config, where each path came from, the Prisma
 *     version assumed, a Prisma 8 migrations folder)
 */
public record SourceSnapshot(
    List<FolderMigration> migrations,
    Optional<String> lockProvider,
    Optional<Revision> revision,
    SortedMap<String, String> schemaFiles,
    Optional<String> schemaUnread,
    String schemaLookedFor,
    ProjectPaths paths,
    SourceLayout layout) {

  /** Prisma's default places, relative to the folder of the migrations' parent. */
  public static final String DEFAULT_SCHEMA_PLACES = "`schema.prisma` or `schema/`";

  public SourceSnapshot {
    migrations = List.copyOf(migrations);
    schemaFiles = Collections.unmodifiableSortedMap(new TreeMap<>(schemaFiles));
    Objects.requireNonNull(schemaUnread, "schemaUnread");
    Objects.requireNonNull(schemaLookedFor, "schemaLookedFor");
    Objects.requireNonNull(paths, "paths");
    Objects.requireNonNull(layout, "layout");
  }

  /** A source read at Prisma 6's defaults, nothing else read about its layout. */
  public SourceSnapshot(
      List<FolderMigration> migrations,
      Optional<String> lockProvider,
      Optional<Revision> revision,
      SortedMap<String, String> schemaFiles,
      Optional<String> schemaUnread,
      String schemaLookedFor,
      ProjectPaths paths) {
    this(
        migrations,
        lockProvider,
        revision,
        schemaFiles,
        schemaUnread,
        schemaLookedFor,
        paths,
        SourceLayout.defaults(paths));
  }

  public SourceSnapshot(
      List<FolderMigration> migrations,
      Optional<String> lockProvider,
      Optional<Revision> revision,
      SortedMap<String, String> schemaFiles,
      Optional<String> schemaUnread) {
    this(
        migrations,
        lockProvider,
        revision,
        schemaFiles,
        schemaUnread,
        DEFAULT_SCHEMA_PLACES,
        ProjectPaths.DEFAULT);
  }

  public SourceSnapshot(
      List<FolderMigration> migrations,
      Optional<String> lockProvider,
      Optional<Revision> revision,
      SortedMap<String, String> schemaFiles) {
    this(migrations, lockProvider, revision, schemaFiles, Optional.empty());
  }

  public SourceSnapshot(
      List<FolderMigration> migrations,
      Optional<String> lockProvider,
      Optional<Revision> revision) {
    this(migrations, lockProvider, revision, new TreeMap<>());
  }

  public SourceSnapshot(List<FolderMigration> migrations, Optional<String> lockProvider) {
    this(migrations, lockProvider, Optional.empty());
  }
}
