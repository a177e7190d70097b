package io.driftwatch.source.git;

import io.driftwatch.core.Revision;
import io.driftwatch.core.SourceSnapshot;
import io.driftwatch.core.evidence.EvidenceRequest;
import io.driftwatch.core.evidence.HistoryEvidence;
import io.driftwatch.core.history.FolderMigration;
import io.driftwatch.core.history.MigrationScript;
import io.driftwatch.source.LockFile;
import io.driftwatch.source.MigrationSource;
import io.driftwatch.source.SourceUnavailableException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
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
 * repository is not trusted: entry names are checked, links and submodules are never followed,
 * each script and the whole folder have a size limit, and only the migrations folder is read.
 */
public final class GitMigrationSource implements MigrationSource {

  static final String SCRIPT = "migration.sql";
  static final String LOCK_FILE = "migration_lock.toml";
  private static final int MAX_LOCK_FILE_BYTES = 64 * 1024;

  private final GitSourceSpec spec;
  private final GitCredentials credentials;
  private final GitMirrors mirrors;
  private final Limits limits;
  private final java.util.function.Function<String, String> refusal;
  private Repository repository;
  private RevCommit commit;

  /** Size limits and history caps. */
  public record Limits(long maxScriptBytes, long maxTotalBytes, int historyMaxCommits, java.time.Duration historyTimeout) {}

  public GitMigrationSource(GitSourceSpec spec, GitCredentials credentials, GitMirrors mirrors, Limits limits) {
    this(spec, credentials, mirrors, limits, url -> null);
  }

  /** @param refusal why the repository at a URL may not be read, or null (outbound policy, source roots) */
  public GitMigrationSource(GitSourceSpec spec, GitCredentials credentials, GitMirrors mirrors, Limits limits,
      java.util.function.Function<String, String> refusal) {
    this.spec = spec;
    this.credentials = credentials;
    this.mirrors = mirrors;
    this.limits = limits;
    this.refusal = refusal;
  }

  @Override
  public String location() {
    return RepositoryPaths.maskUrl(spec.url()) + " " + spec.ref() + ":" + spec.migrationsDirectory();
  }

  @Override
  public SourceSnapshot read() throws SourceUnavailableException {
    String refused = refusal.apply(spec.url());
    if (refused != null) {
      throw new SourceUnavailableException("cannot fetch " + RepositoryPaths.maskUrl(spec.url()) + ": " + refused);
    }
    repository = mirrors.sync(spec.url(), credentials).repository();
    try (RevWalk walk = new RevWalk(repository)) {
      commit = walk.parseCommit(resolve(repository, spec.ref()));
      String directory = spec.migrationsDirectory();
      ObjectId migrationsTree = tree(directory, "no folder `" + directory + "`");
      List<FolderMigration> migrations = new ArrayList<>();
      Optional<String> lockProvider = Optional.empty();
      long total = 0;
      try (ObjectReader reader = repository.newObjectReader(); TreeWalk entries = new TreeWalk(reader)) {
        entries.addTree(migrationsTree);
        entries.setRecursive(false);
        while (entries.next()) {
          String name = entries.getNameString();
          FileMode mode = entries.getFileMode(0);
          if (mode == FileMode.TREE) {
            if (!RepositoryPaths.safeName(name)) {
              continue;
            }
            FolderMigration migration = readMigration(reader, name, entries.getObjectId(0));
            total += migration.script().map(MigrationScript::size).orElse(0);
            if (total > limits.maxTotalBytes()) {
              throw new SourceUnavailableException("the scripts under `" + directory + "` exceed "
                  + limits.maxTotalBytes() + " bytes together (driftwatch.source.max-total-bytes)");
            }
            migrations.add(migration);
          } else if (name.equals(LOCK_FILE) && isFile(mode)) {
            lockProvider = readSmallText(reader, entries.getObjectId(0)).flatMap(LockFile::provider);
          }
        }
      }
      return new SourceSnapshot(migrations, lockProvider, Optional.of(revision(commit)), readSchema());
    } catch (IOException e) {
      throw new SourceUnavailableException("cannot read " + location() + ": " + GitFailures.reason(e), e);
    }
  }

  @Override
  public HistoryEvidence explain(EvidenceRequest request) {
    if (repository == null || commit == null || request.isEmpty()) {
      return HistoryEvidence.NONE;
    }
    return new GitHistoryExplainer(repository, limits.historyMaxCommits(), limits.historyTimeout())
        .explain(commit, spec.migrationsDirectory(), currentBranch(), request);
  }

  @Override
  public Optional<Revision> lastKnownRevision() {
    try (Repository existing = mirrors.openExisting(spec.url()); RevWalk walk = new RevWalk(existing)) {
      return Optional.of(revision(walk.parseCommit(resolve(existing, spec.ref()))));
    } catch (IOException | SourceUnavailableException | RuntimeException e) {
      return Optional.empty();
    }
  }

  @Override
  public void close() {
    if (repository != null) {
      repository.close();
      repository = null;
    }
  }

  private String currentBranch() {
    return Constants.R_HEADS + spec.ref();
  }

  private FolderMigration readMigration(ObjectReader reader, String name, ObjectId tree) throws IOException {
    try (TreeWalk files = new TreeWalk(reader)) {
      files.addTree(tree);
      files.setRecursive(false);
      while (files.next()) {
        if (!files.getNameString().equals(SCRIPT)) {
          continue;
        }
        FileMode mode = files.getFileMode(0);
        if (mode == FileMode.SYMLINK) {
          return FolderMigration.unreadable(name, "it is a symbolic link, which driftwatch never follows");
        }
        if (!isFile(mode)) {
          return FolderMigration.unreadable(name, "it is not a file (" + describe(mode) + ")");
        }
        ObjectLoader blob = reader.open(files.getObjectId(0), Constants.OBJ_BLOB);
        if (blob.getSize() > limits.maxScriptBytes()) {
          return FolderMigration.unreadable(name, "it is " + blob.getSize() + " bytes, over the limit of "
              + limits.maxScriptBytes() + " (driftwatch.source.max-script-bytes)");
        }
        return FolderMigration.withScript(name, MigrationScript.fromBytes(blob.getBytes()));
      }
    }
    return FolderMigration.withoutScript(name);
  }

  /** The first schema candidate that exists: one file, or every .prisma file under a folder (no links, no submodules). */
  private SortedMap<String, String> readSchema() throws IOException, SourceUnavailableException {
    SortedMap<String, String> files = new TreeMap<>();
    for (String candidate : spec.schemaCandidates()) {
      try (TreeWalk found = TreeWalk.forPath(repository, candidate, commit.getTree())) {
        if (found == null) {
          continue;
        }
        try (ObjectReader reader = repository.newObjectReader()) {
          FileMode mode = found.getFileMode(0);
          if (isFile(mode)) {
            files.put(found.getNameString(), readSchemaFile(reader, candidate, found.getObjectId(0)));
          } else if (mode == FileMode.TREE) {
            try (TreeWalk walk = new TreeWalk(reader)) {
              walk.addTree(found.getObjectId(0));
              walk.setRecursive(true);
              while (walk.next()) {
                if (walk.getNameString().endsWith(".prisma") && isFile(walk.getFileMode(0))) {
                  files.put(walk.getPathString(), readSchemaFile(reader, walk.getPathString(), walk.getObjectId(0)));
                }
              }
            }
          }
        }
        if (!files.isEmpty()) {
          return files;
        }
      }
    }
    return files;
  }

  private String readSchemaFile(ObjectReader reader, String path, ObjectId blobId)
      throws IOException, SourceUnavailableException {
    ObjectLoader blob = reader.open(blobId, Constants.OBJ_BLOB);
    if (blob.getSize() > limits.maxScriptBytes()) {
      throw new SourceUnavailableException("the schema file `" + path + "` is over " + limits.maxScriptBytes()
          + " bytes (driftwatch.source.max-script-bytes)");
    }
    return new String(blob.getBytes(), StandardCharsets.UTF_8);
  }

  private Optional<String> readSmallText(ObjectReader reader, ObjectId blobId) throws IOException {
    ObjectLoader blob = reader.open(blobId, Constants.OBJ_BLOB);
    if (blob.getSize() > MAX_LOCK_FILE_BYTES) {
      return Optional.empty();
    }
    return Optional.of(new String(blob.getBytes(), StandardCharsets.UTF_8));
  }

  private ObjectId tree(String path, String missing) throws IOException, SourceUnavailableException {
    if (path.isEmpty()) {
      return commit.getTree();
    }
    try (TreeWalk walk = TreeWalk.forPath(repository, path, commit.getTree())) {
      if (walk == null || walk.getFileMode(0) != FileMode.TREE) {
        throw new SourceUnavailableException(missing + " at commit " + commit.getName().substring(0, 12) + " of `"
            + spec.ref() + "` in " + RepositoryPaths.maskUrl(spec.url()));
      }
      return walk.getObjectId(0);
    }
  }

  /** A branch, then a tag, then a full ref name, then a commit id. */
  static ObjectId resolve(Repository repository, String ref) throws IOException, SourceUnavailableException {
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
    String branches = repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS).stream()
        .map(r -> r.getName().substring(Constants.R_HEADS.length()))
        .limit(20)
        .collect(Collectors.joining(", "));
    throw new SourceUnavailableException("`" + ref + "` is neither a branch, a tag nor a commit of the repository"
        + (branches.isEmpty() ? "" : " (branches: " + branches + ")"));
  }

  static Revision revision(RevCommit commit) {
    return new Revision(commit.getName(), commit.getAuthorIdent().getName(),
        Instant.ofEpochSecond(commit.getCommitTime()), commit.getShortMessage());
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
