package io.driftwatch.source;

import io.driftwatch.core.SourceSnapshot;
import io.driftwatch.core.history.FolderMigration;
import io.driftwatch.core.history.MigrationScript;
import io.driftwatch.core.prisma.Prisma8Migrations;
import io.driftwatch.core.prisma.ProjectPaths;
import io.driftwatch.core.prisma.schema.PrismaSchema;
import io.driftwatch.source.NoFollowFolder.Content;
import io.driftwatch.source.NoFollowFolder.Kind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Reads a migrations folder from the local file system, the way Prisma lists it. The folder must be
 * below a source root (checked again at every read: the tree can change after saving), and nothing
 * under {@code path} is read through a symbolic link: a linked migration folder is not a migration
 * (Prisma lists only real folders too), a linked {@code migration.sql} is reported unreadable.
 */
public final class PathMigrationSource implements MigrationSource {

  static final String SCRIPT = "migration.sql";
  static final String LOCK_FILE = "migration_lock.toml";
  private static final int MAX_LOCK_FILE_BYTES = 64 * 1024;
  private static final String LINK = "it is a symbolic link, which driftwatch never follows";

  private final PathSourceSpec spec;
  private final Limits limits;
  private final SourceBounds bounds;

  /**
   * What this source holds of the service's memory budget, from the read until {@link #close()}.
   */
  private final ScriptMemory.Reservation held;

  /** The scripts read, released on {@link #close()}: the audit has ended. */
  private final List<MigrationScript> scripts = new ArrayList<>();

  /** The bytes of the schema files read so far by the read in progress (a source reads once). */
  private long schemaBytes;

  /**
   * A script over {@code maxScriptBytes} is not read (a finding says so); over {@code
   * maxTotalBytes} in all (scripts and schema files), the read fails.
   */
  public record Limits(long maxScriptBytes, long maxTotalBytes) {}

  public PathMigrationSource(PathSourceSpec spec, Limits limits, SourceBounds bounds) {
    this(spec, limits, bounds, ScriptMemory.UNBOUNDED);
  }

  /**
   * @param memory the budget the scripts are read within, reserved before they are read, released
   *     on close
   */
  public PathMigrationSource(
      PathSourceSpec spec, Limits limits, SourceBounds bounds, ScriptMemory memory) {
    this.spec = spec;
    this.limits = limits;
    this.bounds = bounds;
    this.held = memory.open();
  }

  /**
   * The audit has ended: the scripts' texts are released (see {@link MigrationScript#release()}),
   * then their memory.
   */
  @Override
  public void close() {
    scripts.forEach(MigrationScript::release);
    scripts.clear();
    held.close();
  }

  /** The migrations folder the read found (the project's config may move it), once read. */
  private Path readFrom;

  @Override
  public String location() {
    if (readFrom != null) {
      return readFrom.toString();
    }
    try {
      return spec.migrationsDirectory().toString();
    } catch (RuntimeException e) {
      return spec.path();
    }
  }

  @Override
  public SourceSnapshot read() throws SourceUnavailableException {
    Path base;
    try {
      base = spec.base();
      spec.migrationsRelative();
      spec.schemaRelative();
    } catch (RuntimeException e) {
      throw new SourceUnavailableException(
          "the source cannot be read: " + e.getMessage() + "; correct the environment's source");
    }
    refuse(bounds.refusal("source.path `" + base + "`", base));
    if (!Files.isDirectory(base)) {
      throw new SourceUnavailableException(
          "the migrations folder "
              + spec.migrationsDirectory()
              + " does not exist or is not a folder");
    }
    Path realBase = SourceBounds.real(base);
    SourceTree tree = new FolderTree(realBase);
    ProjectLayouts.Resolved layout;
    Optional<Path> schemaRelative;
    Optional<Prisma8Migrations> prisma8;
    try {
      layout = spec.layout(tree);
      schemaRelative =
          layout.schema().isPresent() ? layout.schema().map(Path::of) : firstExisting(tree, layout);
      prisma8 = Prisma8Folders.read(tree, layout.migrations());
    } catch (IOException e) {
      throw new SourceUnavailableException(
          "cannot read the source folder " + base + ": " + describe(e), e);
    }
    Path migrationsRelative = Path.of(layout.migrations());
    readFrom = base.resolve(migrationsRelative);
    String missing =
        "the migrations folder "
            + base.resolve(migrationsRelative)
            + " does not exist or is not a folder"
            + (layout.config().isEmpty() && spec.migrationsPath() == null
                ? ""
                : " (" + layout.layout().migrations().from() + ")");
    try (NoFollowFolder root = NoFollowFolder.open(realBase)) {
      List<FolderMigration> found = new ArrayList<>();
      Optional<String> lockProvider;
      try (NoFollowFolder migrations =
          root.descend(migrationsRelative)
              .orElseThrow(
                  () ->
                      new SourceUnavailableException(
                          linkOnTheWay(realBase, migrationsRelative)
                              ? "the migrations folder "
                                  + base.resolve(migrationsRelative)
                                  + " is or passes through a symbolic link, "
                                  + "which driftwatch never follows: point source.migrationsPath at the real folder"
                              : missing))) {
        refuse(
            bounds.refusalOfReal(
                "the migrations folder " + base.resolve(migrationsRelative),
                realBase.resolve(migrationsRelative)));
        // A link is not a migration folder, as for Prisma (it lists entries that are folders
        // themselves).
        List<String> folders = new ArrayList<>();
        for (String name : migrations.names()) {
          if (prisma8.isPresent() && Prisma8Folders.LAYOUT_FOLDERS.contains(name)) {
            continue; // Prisma 8's layout, read on its own
          }
          if (migrations.kind(name) == Kind.FOLDER) {
            folders.add(name);
          }
        }
        reserve(migrations, folders);
        long total = 0;
        for (String name : folders) {
          FolderMigration migration = readMigration(migrations, name);
          total += migration.script().map(MigrationScript::size).orElse(0);
          checkTotal(total, migrations.path());
          found.add(migration);
        }
        lockProvider = readLockProvider(migrations);
        schemaBytes = 0;
        SortedMap<String, String> schema =
            layout.schemaUnknown().isPresent()
                ? new TreeMap<>()
                : readSchema(root, realBase, schemaRelative);
        Optional<String> schemaUnread = Optional.empty();
        if (schemaBytes > PrismaSchema.MAX_BYTES) {
          schema = new TreeMap<>(); // not parsed: not kept either
          schemaUnread = Optional.of(PrismaSchema.tooLarge(schemaBytes));
          schemaBytes = 0;
        }
        checkTotal(total + schemaBytes, migrations.path());
        // What the plan did not count: files that grew since they were sized, the schema files. No
        // waiting now.
        held.take(
            total + schemaBytes + ScriptMemory.PER_MIGRATION_BYTES * folders.size() - held.bytes(),
            "the scripts and schema of " + base);
        return new SourceSnapshot(
            found,
            lockProvider,
            Optional.empty(),
            schema,
            schemaUnread,
            layout.schemaUnknown().orElseGet(() -> schemaPlaces(base, schemaRelative)),
            paths(layout, schemaRelative),
            Prisma8Folders.withPrisma8(layout.layout(), prisma8));
      }
    } catch (IOException e) {
      throw new SourceUnavailableException(
          "cannot read the migrations folder "
              + base.resolve(migrationsRelative)
              + ": "
              + describe(e),
          e);
    }
  }

  /**
   * The paths commands give: relative to the source folder when it holds the project's config (it
   * is the project's root then), else Prisma's defaults, as a {@code prisma/} folder is usually
   * laid out.
   */
  private static ProjectPaths paths(ProjectLayouts.Resolved layout, Optional<Path> schema) {
    if (layout.config().isEmpty()) {
      return ProjectPaths.DEFAULT;
    }
    return layout.paths(schema.map(Path::toString).orElse(layout.layout().schema().path()));
  }

  /**
   * The first of the config's default schema places that holds a file; empty when the defaults
   * without a config apply (the read looks for them itself) or none exists.
   */
  private static Optional<Path> firstExisting(SourceTree tree, ProjectLayouts.Resolved layout)
      throws IOException {
    if (layout.config().isEmpty()) {
      return Optional.empty();
    }
    for (String candidate : layout.schemaCandidates()) {
      if (tree.kind(candidate) == SourceTree.Kind.FILE) {
        return Optional.of(Path.of(candidate));
      }
    }
    return layout.schemaCandidates().stream().findFirst().map(Path::of);
  }

  /**
   * Reserves, before reading them, the memory the scripts will take: their sizes as the folder says
   * them now (a script over the limit is not read, so it takes nothing), and what each migration
   * costs besides. Waits for room.
   */
  private void reserve(NoFollowFolder migrations, List<String> folders)
      throws IOException, SourceUnavailableException {
    long planned = ScriptMemory.PER_MIGRATION_BYTES * folders.size();
    for (String name : folders) {
      try (NoFollowFolder directory = migrations.folder(name)) {
        if (directory.kind(SCRIPT) == Kind.FILE) {
          long size = directory.size(SCRIPT);
          planned += size <= limits.maxScriptBytes() ? size : 0;
        }
      } catch (IOException e) {
        // Swapped or gone since listed: the read says what it finds.
      }
    }
    checkTotal(planned - ScriptMemory.PER_MIGRATION_BYTES * folders.size(), migrations.path());
    held.take(planned, "the " + folders.size() + " migrations of " + migrations.path());
  }

  private void checkTotal(long total, Path migrations) throws SourceUnavailableException {
    if (total > limits.maxTotalBytes()) {
      throw new SourceUnavailableException(
          "the scripts and schema files of "
              + migrations
              + " exceed "
              + limits.maxTotalBytes()
              + " bytes together (driftwatch.source.max-total-bytes)");
    }
  }

  private FolderMigration readMigration(NoFollowFolder migrations, String name) throws IOException {
    try (NoFollowFolder directory = migrations.folder(name)) {
      switch (directory.kind(SCRIPT)) {
        case MISSING:
          return FolderMigration.withoutScript(name);
        case LINK:
          return FolderMigration.unreadable(name, LINK);
        case FILE:
          break;
        default:
          return FolderMigration.unreadable(name, "it is not a regular file");
      }
      Content content;
      try {
        content = directory.read(SCRIPT, limits.maxScriptBytes());
      } catch (IOException e) {
        // A link swapped in after the look: the open refused to follow it.
        if (directory.kind(SCRIPT) == Kind.LINK) {
          return FolderMigration.unreadable(name, LINK);
        }
        throw e;
      }
      if (content.bytes() == null) {
        return FolderMigration.unreadable(
            name,
            "it is "
                + content.size()
                + " bytes, over the limit of "
                + limits.maxScriptBytes()
                + " (driftwatch.source.max-script-bytes)");
      }
      MigrationScript script = MigrationScript.fromBytes(content.bytes());
      scripts.add(script);
      return FolderMigration.withScript(name, script);
    }
  }

  /**
   * Where the schema is looked for, as a user writes the paths (a folder with a trailing slash).
   */
  private static String schemaPlaces(Path base, Optional<Path> relative) {
    return relative
        .map(path -> "`" + base.resolve(path) + "`")
        .orElse("`" + base.resolve("schema.prisma") + "` or `" + base.resolve("schema") + "/`");
  }

  /**
   * The schema file, or every .prisma file under the schema folder: {@code schemaPath}, else {@code
   * schema.prisma}, else {@code schema/} (Prisma's multi-file layout). Links are not followed.
   * Prisma's default {@code schema.prisma} with other .prisma files beside or below it is a
   * multi-file schema (the {@code schema} of prisma.config.ts names that folder): they are all
   * read, as Prisma reads a schema folder.
   */
  private SortedMap<String, String> readSchema(
      NoFollowFolder root, Path realBase, Optional<Path> relative)
      throws IOException, SourceUnavailableException {
    Path schema =
        relative.orElse(
            Path.of(root.kind("schema.prisma") == Kind.MISSING ? "schema" : "schema.prisma"));
    SortedMap<String, String> files = new TreeMap<>();
    Path parent = schema.getParent() == null ? Path.of("") : schema.getParent();
    String name = schema.getFileName() == null ? "" : schema.getFileName().toString();
    Optional<NoFollowFolder> holder = root.descend(parent);
    if (holder.isEmpty()) {
      return files;
    }
    refuse(bounds.refusalOfReal("the schema " + schema, realBase.resolve(schema)));
    try (NoFollowFolder folder = holder.get()) {
      if (name.isEmpty()) {
        readSchemaFolder(folder, "", files, false);
        return files;
      }
      Kind kind = folder.kind(name);
      if (kind == Kind.FILE && relative.isEmpty()) { // the folder's walk reads schema.prisma too
        readSchemaFolder(folder, "", files, true);
      } else if (kind == Kind.FILE) {
        files.put(name, readSchemaFile(folder, name));
      } else if (kind == Kind.FOLDER) {
        try (NoFollowFolder schemaFolder = folder.folder(name)) {
          readSchemaFolder(schemaFolder, "", files, false);
        }
      }
    }
    return files;
  }

  /**
   * Folders below a schema folder deeper than this are refused: no Prisma schema nests that deep.
   */
  static final int MAX_SCHEMA_DEPTH = 32;

  /**
   * Every .prisma file below the folder. A walk with a stack of its own, its depth bounded, not a
   * call per level: a repository's folder nested thousands deep would overflow the thread's stack
   * (and hold a descriptor per level). Beside the default schema.prisma, dependencies and hidden
   * folders ({@code node_modules}, {@code .git}…) are not part of the schema and are not entered.
   */
  private void readSchemaFolder(
      NoFollowFolder top, String prefix, SortedMap<String, String> files, boolean besideDefault)
      throws IOException, SourceUnavailableException {
    Deque<SchemaLevel> levels = new ArrayDeque<>();
    levels.push(new SchemaLevel(top, prefix, top.names().iterator()));
    try {
      while (!levels.isEmpty()) {
        SchemaLevel level = levels.peek();
        if (!level.names().hasNext()) {
          levels.pop();
          level.closeUnless(top);
          continue;
        }
        String name = level.names().next();
        Kind kind = level.folder().kind(name);
        if (kind == Kind.FOLDER && besideDefault && SchemaFolders.leftOutBesideDefault(name)) {
          continue;
        }
        if (kind == Kind.FOLDER) {
          if (levels.size() > MAX_SCHEMA_DEPTH) {
            throw new SourceUnavailableException(
                "the schema folder nests deeper than "
                    + MAX_SCHEMA_DEPTH
                    + " folders at "
                    + level.folder().path().resolve(name));
          }
          NoFollowFolder child = level.folder().folder(name);
          try {
            levels.push(
                new SchemaLevel(child, level.prefix() + name + "/", child.names().iterator()));
          } catch (IOException | RuntimeException e) {
            child.close();
            throw e;
          }
        } else if (kind == Kind.FILE && name.endsWith(".prisma")) {
          files.put(level.prefix() + name, readSchemaFile(level.folder(), name));
        }
      }
    } finally {
      for (SchemaLevel level : levels) {
        level.closeUnless(top);
      }
    }
  }

  /** A folder being read, and the names in it not looked at yet. */
  private record SchemaLevel(NoFollowFolder folder, String prefix, Iterator<String> names) {
    void closeUnless(NoFollowFolder top) throws IOException {
      if (folder != top) {
        folder.close();
      }
    }
  }

  /**
   * A schema file's text, while the files read so far stay within {@link PrismaSchema#MAX_BYTES};
   * past it, the files are only sized ({@link #schemaBytes} goes over, and the read drops them all:
   * they would not be parsed).
   */
  private String readSchemaFile(NoFollowFolder folder, String name) throws IOException {
    long size = folder.size(name);
    if (schemaBytes + size > PrismaSchema.MAX_BYTES) {
      schemaBytes += size;
      return "";
    }
    Content content = folder.read(name, PrismaSchema.MAX_BYTES - schemaBytes);
    if (content.bytes() == null) {
      schemaBytes += content.size();
      return "";
    }
    schemaBytes += content.bytes().length;
    return new String(content.bytes(), StandardCharsets.UTF_8);
  }

  private static Optional<String> readLockProvider(NoFollowFolder migrations) throws IOException {
    if (migrations.kind(LOCK_FILE) != Kind.FILE) {
      return Optional.empty();
    }
    Content content = migrations.read(LOCK_FILE, MAX_LOCK_FILE_BYTES);
    return content.bytes() == null
        ? Optional.empty()
        : LockFile.provider(new String(content.bytes(), StandardCharsets.UTF_8));
  }

  /** For the message only: whether a step from the base to the location is a link. */
  private static boolean linkOnTheWay(Path realBase, Path relative) {
    Path current = realBase;
    for (Path step : relative) {
      current = current.resolve(step);
      if (Files.isSymbolicLink(current)) {
        return true;
      }
    }
    return false;
  }

  private static void refuse(String refusal) throws SourceUnavailableException {
    if (refusal != null) {
      throw new SourceUnavailableException(refusal);
    }
  }

  private static String describe(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
  }
}
