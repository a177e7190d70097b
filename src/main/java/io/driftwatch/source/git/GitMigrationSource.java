package io.driftwatch.source.git;

import io.driftwatch.core.SourceSnapshot;
import io.driftwatch.core.evidence.EvidenceRequest;
import io.driftwatch.core.evidence.HistoryEvidence;
import io.driftwatch.core.evidence.Revision;
import io.driftwatch.core.history.FolderMigration;
import io.driftwatch.core.history.MigrationScript;
import io.driftwatch.core.prisma.Prisma8Migrations;
import io.driftwatch.core.prisma.schema.PrismaSchema;
import io.driftwatch.source.LockFile;
import io.driftwatch.source.MigrationSource;
import io.driftwatch.source.Prisma8Folders;
import io.driftwatch.source.ProjectLayouts;
import io.driftwatch.source.SchemaFolders;
import io.driftwatch.source.ScriptMemory;
import io.driftwatch.source.SourceUnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * Reads the migrations folder from the tree of a commit in a bare mirror, without a checkout. The
 * repository is not trusted: entry names are checked, links and submodules are never followed, each
 * script and the whole folder have a size limit, and only the migrations folder is read.
 */
public final class GitMigrationSource implements MigrationSource {

  static final String SCRIPT = "migration.sql";
  static final String LOCK_FILE = "migration_lock.toml";
  private static final int MAX_LOCK_FILE_BYTES = 64 * 1024;

  private final GitSourceSpec spec;
  private final GitCredentials credentials;
  private final GitMirrors mirrors;
  private final Limits limits;
  private final Function<String, String> refusal;
  private Repository repository;
  private RevCommit commit;

  /** The migrations folder the read found (the config may move it), once read. */
  private String directory;

  /**
   * What this source holds of the service's memory budget, from the read until {@link #close()}.
   */
  private final ScriptMemory.Reservation held;

  /** The scripts read, released on {@link #close()}: the audit has ended. */
  private final List<MigrationScript> scripts = new ArrayList<>();

  /** The bytes of the schema files read so far by the read in progress (a source reads once). */
  private long schemaBytes;

  /**
   * The schema file or folder {@link #readSchema} read (its first candidate when none was there).
   */
  private String schemaLocation;

  /** Size limits and history caps. */
  public record Limits(
      long maxScriptBytes, long maxTotalBytes, int historyMaxCommits, Duration historyTimeout) {}

  public GitMigrationSource(
      GitSourceSpec spec, GitCredentials credentials, GitMirrors mirrors, Limits limits) {
    this(spec, credentials, mirrors, limits, url -> null);
  }

  /**
   * @param refusal why the repository at a URL may not be read, or null (outbound policy, source
   *     roots)
   */
  public GitMigrationSource(
      GitSourceSpec spec,
      GitCredentials credentials,
      GitMirrors mirrors,
      Limits limits,
      Function<String, String> refusal) {
    this(spec, credentials, mirrors, limits, refusal, ScriptMemory.UNBOUNDED);
  }

  /**
   * @param memory the budget the scripts are read within, reserved before they are read, released
   *     on close
   */
  public GitMigrationSource(
      GitSourceSpec spec,
      GitCredentials credentials,
      GitMirrors mirrors,
      Limits limits,
      Function<String, String> refusal,
      ScriptMemory memory) {
    this.spec = spec;
    this.credentials = credentials;
    this.mirrors = mirrors;
    this.limits = limits;
    this.refusal = refusal;
    this.held = memory.open();
  }

  @Override
  public String location() {
    return RepositoryPaths.maskUrl(spec.url())
        + " "
        + spec.ref()
        + ":"
        + (directory != null ? directory : spec.migrationsDirectory());
  }

  @Override
  public SourceSnapshot read() throws SourceUnavailableException {
    String refused = refusal.apply(spec.url());
    if (refused != null) {
      throw new SourceUnavailableException(
          "cannot fetch " + RepositoryPaths.maskUrl(spec.url()) + ": " + refused);
    }
    repository = mirrors.sync(spec.url(), credentials).repository();
    try (RevWalk walk = new RevWalk(repository)) {
      commit = walk.parseCommit(resolve(repository, spec.ref()));
      CommitTree files = new CommitTree(repository, commit);
      ProjectLayouts.Resolved layout = ProjectLayouts.resolve(files, layoutRequest());
      directory = layout.migrations();
      Optional<Prisma8Migrations> prisma8 = Prisma8Folders.read(files, directory);
      ObjectId migrationsTree =
          tree(
              directory,
              "no folder `"
                  + directory
                  + "`"
                  + (layout.config().isPresent() || spec.migrationsPath() != null
                      ? " (" + layout.layout().migrations().from() + ")"
                      : ""));
      List<FolderMigration> migrations = new ArrayList<>();
      Optional<String> lockProvider = Optional.empty();
      long total = 0;
      try (ObjectReader reader = repository.newObjectReader();
          TreeWalk entries = new TreeWalk(reader)) {
        entries.addTree(migrationsTree);
        entries.setRecursive(false);
        List<ScriptEntry> folders = new ArrayList<>();
        while (entries.next()) {
          String name = entries.getNameString();
          FileMode mode = entries.getFileMode(0);
          if (mode == FileMode.TREE) {
            if (prisma8.isPresent() && Prisma8Folders.LAYOUT_FOLDERS.contains(name)) {
              continue; // Prisma 8's layout, read on its own
            }
            if (RepositoryPaths.safeName(name)) {
              folders.add(scriptEntry(reader, name, entries.getObjectId(0)));
            }
          } else if (name.equals(LOCK_FILE) && isFile(mode)) {
            lockProvider =
                readSmallText(reader, entries.getObjectId(0)).flatMap(LockFile::provider);
          }
        }
        // A blob's size is known before it is read: the memory is reserved first, waiting for room
        // if need be.
        long planned = folders.stream().mapToLong(ScriptEntry::plannedBytes).sum();
        checkTotal(planned, directory);
        held.take(
            planned + ScriptMemory.PER_MIGRATION_BYTES * folders.size(),
            "the " + folders.size() + " migrations of " + location());
        for (ScriptEntry folder : folders) {
          FolderMigration migration = readMigration(reader, folder);
          total += migration.script().map(MigrationScript::size).orElse(0);
          checkTotal(total, directory);
          migrations.add(migration);
        }
      }
      schemaBytes = 0;
      schemaLocation = layout.layout().schema().path();
      SortedMap<String, String> schema =
          layout.schemaUnknown().isPresent() ? new TreeMap<>() : readSchema(files, layout);
      Optional<String> schemaUnread = Optional.empty();
      if (schemaBytes > PrismaSchema.MAX_BYTES) {
        schema = new TreeMap<>(); // not parsed: not kept either
        schemaUnread = Optional.of(PrismaSchema.tooLarge(schemaBytes));
        schemaBytes = 0;
      }
      checkTotal(total + schemaBytes, directory);
      held.take(schemaBytes, "the schema files of " + location());
      return new SourceSnapshot(
          migrations,
          lockProvider,
          Optional.of(revision(commit)),
          schema,
          schemaUnread,
          layout.schemaUnknown().orElseGet(() -> schemaPlaces(layout)),
          layout.paths(schemaLocation),
          Prisma8Folders.withPrisma8(layout.layout(), prisma8));
    } catch (IOException e) {
      throw new SourceUnavailableException(
          "cannot read " + location() + ": " + GitFailures.reason(e), e);
    }
  }

  @Override
  public HistoryEvidence explain(EvidenceRequest request) {
    if (repository == null || commit == null || request.isEmpty()) {
      return HistoryEvidence.NONE;
    }
    return new GitHistoryExplainer(repository, limits.historyMaxCommits(), limits.historyTimeout())
        .explain(
            commit,
            directory != null ? directory : spec.migrationsDirectory(),
            currentBranch(),
            request);
  }

  @Override
  public Optional<Revision> lastKnownRevision() {
    try (Repository existing = mirrors.openExisting(spec.url());
        RevWalk walk = new RevWalk(existing)) {
      return Optional.of(revision(walk.parseCommit(resolve(existing, spec.ref()))));
    } catch (IOException | SourceUnavailableException | RuntimeException e) {
      return Optional.empty();
    }
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
    if (repository != null) {
      repository.close();
      repository = null;
    }
  }

  private String currentBranch() {
    return Constants.R_HEADS + spec.ref();
  }

  /**
   * A migration folder's {@code migration.sql} as the tree has it, before its content is read.
   *
   * @param mode the script's mode, or null when the folder has none
   * @param size the blob's size, or -1 when it is not a file
   */
  private record ScriptEntry(
      String name, FileMode mode, ObjectId blob, long size, long maxScriptBytes) {

    /**
     * What reading it will hold: nothing for a script that is not read (a link, not a file, over
     * the limit).
     */
    long plannedBytes() {
      return size >= 0 && size <= maxScriptBytes ? size : 0;
    }
  }

  private ScriptEntry scriptEntry(ObjectReader reader, String name, ObjectId tree)
      throws IOException {
    try (TreeWalk files = new TreeWalk(reader)) {
      files.addTree(tree);
      files.setRecursive(false);
      while (files.next()) {
        if (files.getNameString().equals(SCRIPT)) {
          FileMode mode = files.getFileMode(0);
          ObjectId blob = files.getObjectId(0);
          long size = isFile(mode) ? reader.getObjectSize(blob, Constants.OBJ_BLOB) : -1;
          return new ScriptEntry(name, mode, blob, size, limits.maxScriptBytes());
        }
      }
    }
    return new ScriptEntry(name, null, null, -1, limits.maxScriptBytes());
  }

  private FolderMigration readMigration(ObjectReader reader, ScriptEntry entry) throws IOException {
    String name = entry.name();
    if (entry.mode() == null) {
      return FolderMigration.withoutScript(name);
    }
    if (entry.mode() == FileMode.SYMLINK) {
      return FolderMigration.unreadable(
          name, "it is a symbolic link, which driftwatch never follows");
    }
    if (!isFile(entry.mode())) {
      return FolderMigration.unreadable(name, "it is not a file (" + describe(entry.mode()) + ")");
    }
    if (entry.size() > limits.maxScriptBytes()) {
      return FolderMigration.unreadable(
          name,
          "it is "
              + entry.size()
              + " bytes, over the limit of "
              + limits.maxScriptBytes()
              + " (driftwatch.source.max-script-bytes)");
    }
    ObjectLoader blob = reader.open(entry.blob(), Constants.OBJ_BLOB);
    MigrationScript script = MigrationScript.fromBytes(blob.getBytes());
    scripts.add(script);
    return FolderMigration.withScript(name, script);
  }

  private void checkTotal(long total, String directory) throws SourceUnavailableException {
    if (total > limits.maxTotalBytes()) {
      throw new SourceUnavailableException(
          "the scripts and schema files under `"
              + directory
              + "` exceed "
              + limits.maxTotalBytes()
              + " bytes together (driftwatch.source.max-total-bytes)");
    }
  }

  /**
   * The first schema candidate that exists: one file, or every .prisma file under a folder (no
   * links, no submodules). Prisma's default {@code schema.prisma} with other .prisma files beside
   * or below it is a multi-file schema (the {@code schema} of prisma.config.ts names that folder):
   * they are all read, as Prisma reads a schema folder.
   */
  private SortedMap<String, String> readSchema(CommitTree tree, ProjectLayouts.Resolved layout)
      throws IOException, SourceUnavailableException {
    SortedMap<String, String> files = new TreeMap<>();
    List<String> candidates = schemaCandidates(tree, layout);
    // Only Prisma's default schema.prisma, found without a config, is read with what lies beside
    // it.
    boolean besideDefault = layout.schema().isEmpty() && layout.config().isEmpty();
    schemaLocation = candidates.get(0);
    for (String candidate : candidates) {
      try (TreeWalk found = TreeWalk.forPath(repository, candidate, commit.getTree())) {
        if (found == null) {
          continue;
        }
        try (ObjectReader reader = repository.newObjectReader()) {
          FileMode mode = found.getFileMode(0);
          if (isFile(mode) && besideDefault) { // the folder's walk reads schema.prisma too
            readSchemaFolder(
                reader,
                tree(RepositoryPaths.parent(candidate), "the schema's folder"),
                true,
                files);
          } else if (isFile(mode)) {
            files.put(found.getNameString(), readSchemaFile(reader, found.getObjectId(0)));
          } else if (mode == FileMode.TREE) {
            readSchemaFolder(reader, found.getObjectId(0), false, files);
          }
        }
        if (!files.isEmpty()) {
          schemaLocation = candidate;
          return files;
        }
      }
    }
    return files;
  }

  /** Where the schema may be: the one the environment or the config names, else the defaults. */
  private static List<String> schemaCandidates(CommitTree tree, ProjectLayouts.Resolved layout)
      throws IOException {
    if (layout.schema().isPresent()) {
      return List.of(layout.schema().get());
    }
    if (layout.config().isPresent()) {
      for (String candidate : layout.schemaCandidates()) {
        if (tree.kind(candidate) == CommitTree.Kind.FILE) {
          return List.of(candidate);
        }
      }
    }
    return layout.schemaCandidates();
  }

  /** The schema's places as a user writes them, a folder with a trailing slash. */
  private static String schemaPlaces(ProjectLayouts.Resolved layout) {
    if (layout.schema().isPresent()) {
      return "`" + layout.schema().get() + "`";
    }
    List<String> candidates = layout.schemaCandidates();
    return layout.config().isEmpty()
        ? "`" + candidates.get(0) + "` or `" + candidates.get(1) + "/`"
        : "`" + candidates.get(0) + "` or `" + candidates.get(1) + "`";
  }

  private ProjectLayouts.Request layoutRequest() {
    String base = RepositoryPaths.join(spec.path() == null ? "" : spec.path(), "");
    return new ProjectLayouts.Request(
        base,
        Optional.ofNullable(spec.migrationsPath()).map(path -> RepositoryPaths.join("", path)),
        Optional.ofNullable(spec.schemaPath()).map(path -> RepositoryPaths.join("", path)),
        true);
  }

  /**
   * Every .prisma file below a folder, by path relative to it. Beside the default schema.prisma,
   * dependencies and hidden folders ({@code node_modules}, {@code .git}…) are not part of the
   * schema and are not entered.
   */
  private void readSchemaFolder(
      ObjectReader reader, ObjectId folder, boolean besideDefault, SortedMap<String, String> files)
      throws IOException {
    try (TreeWalk walk = new TreeWalk(reader)) {
      walk.addTree(folder);
      walk.setRecursive(false);
      while (walk.next()) {
        String name = walk.getNameString();
        if (walk.isSubtree()) {
          if (!besideDefault || !SchemaFolders.leftOutBesideDefault(name)) {
            walk.enterSubtree();
          }
        } else if (name.endsWith(".prisma") && isFile(walk.getFileMode(0))) {
          files.put(walk.getPathString(), readSchemaFile(reader, walk.getObjectId(0)));
        }
      }
    }
  }

  /**
   * A schema file's text, while the files read so far stay within {@link PrismaSchema#MAX_BYTES};
   * past it, the blobs are only sized ({@link #schemaBytes} goes over, and the read drops them all:
   * they would not be parsed).
   */
  private String readSchemaFile(ObjectReader reader, ObjectId blobId) throws IOException {
    long size = reader.getObjectSize(blobId, Constants.OBJ_BLOB);
    schemaBytes += size;
    if (schemaBytes > PrismaSchema.MAX_BYTES) {
      return "";
    }
    return new String(reader.open(blobId, Constants.OBJ_BLOB).getBytes(), StandardCharsets.UTF_8);
  }

  private Optional<String> readSmallText(ObjectReader reader, ObjectId blobId) throws IOException {
    ObjectLoader blob = reader.open(blobId, Constants.OBJ_BLOB);
    if (blob.getSize() > MAX_LOCK_FILE_BYTES) {
      return Optional.empty();
    }
    return Optional.of(new String(blob.getBytes(), StandardCharsets.UTF_8));
  }

  private ObjectId tree(String path, String missing)
      throws IOException, SourceUnavailableException {
    if (path.isEmpty()) {
      return commit.getTree();
    }
    try (TreeWalk walk = TreeWalk.forPath(repository, path, commit.getTree())) {
      if (walk == null || walk.getFileMode(0) != FileMode.TREE) {
        throw new SourceUnavailableException(
            missing
                + " at commit "
                + commit.getName().substring(0, 12)
                + " of `"
                + spec.ref()
                + "` in "
                + RepositoryPaths.maskUrl(spec.url()));
      }
      return walk.getObjectId(0);
    }
  }

  /** A branch, then a tag, then a full ref name, then a commit id. */
  static ObjectId resolve(Repository repository, String ref)
      throws IOException, SourceUnavailableException {
    for (String candidate : List.of(Constants.R_HEADS + ref, Constants.R_TAGS + ref, ref)) {
      Ref found = repository.exactRef(candidate);
      if (found != null) {
        ObjectId peeled = repository.resolve(found.getName() + "^{commit}");
        if (peeled != null) {
          return peeled;
        }
      }
    }
    if (ref.matches("[0-9a-fA-F]{7,40}")) {
      ObjectId commitId = repository.resolve(ref + "^{commit}");
      if (commitId != null) {
        return commitId;
      }
    }
    String branches = names(repository, Constants.R_HEADS);
    String tags = names(repository, Constants.R_TAGS);
    throw new SourceUnavailableException(
        "`"
            + ref
            + "` is neither a branch, a tag nor a commit of the repository"
            + (branches.isEmpty() ? " (it has no branch)" : " (branches: " + branches + ")")
            + (tags.isEmpty() ? "" : " (tags: " + tags + ")")
            + ": set source.ref to one that exists");
  }

  /** A few refs under {@code prefix}, short names, sorted: enough to show what exists. */
  private static String names(Repository repository, String prefix) throws IOException {
    List<String> names =
        repository.getRefDatabase().getRefsByPrefix(prefix).stream()
            .map(r -> r.getName().substring(prefix.length()))
            .sorted()
            .toList();
    return names.stream().limit(10).collect(Collectors.joining(", "))
        + (names.size() > 10 ? " and " + (names.size() - 10) + " more" : "");
  }

  static Revision revision(RevCommit commit) {
    return new Revision(
        commit.getName(),
        commit.getAuthorIdent().getName(),
        Instant.ofEpochSecond(commit.getCommitTime()),
        commit.getShortMessage());
  }

  private static boolean isFile(FileMode mode) {
    return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
  }

  private static String describe(FileMode mode) {
    if (mode == FileMode.GITLINK) {
      return "a submodule";
    }
    return mode == FileMode.TREE ? "a folder" : "mode " + mode;
  }
}
