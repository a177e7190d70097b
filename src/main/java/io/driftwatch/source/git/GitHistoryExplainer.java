package io.driftwatch.source.git;

import io.driftwatch.core.evidence.Evidence;
import io.driftwatch.core.evidence.Evidence.CommitChange;
import io.driftwatch.core.evidence.Evidence.Kind;
import io.driftwatch.core.evidence.EvidenceRequest;
import io.driftwatch.core.evidence.HistoryEvidence;
import io.driftwatch.core.evidence.Revision;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffEntry.ChangeType;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.errors.LargeObjectException;
import org.eclipse.jgit.lib.AnyObjectId;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectLoader;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.RevWalkUtils;
import org.eclipse.jgit.treewalk.AbstractTreeIterator;
import org.eclipse.jgit.treewalk.CanonicalTreeParser;
import org.eclipse.jgit.treewalk.EmptyTreeIterator;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.PathFilterGroup;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * Explains findings from git history in one walk of the audited ref, filtered to the questioned
 * migration directories so unrelated commits cost almost nothing: the newest commit that deleted
 * (or renamed) each phantom, the commit that added each migration deploy would run, and the commits
 * that changed an edited script after the database applied it. Phantoms the ref never had are
 * looked for on the other branches. The walk is capped in commits and time.
 *
 * <p>Each phantom's evidence carries its {@code migration.sql} as git last had it, read with caps
 * (per script and per explanation) so a hostile repository cannot exhaust memory.
 */
final class GitHistoryExplainer {

  /** A phantom's script larger than this is not read: its evidence has no script. */
  static final long MAX_SCRIPT_BYTES = 1024 * 1024;

  /**
   * All phantom scripts read by one explanation together; past it, further evidence has no script.
   */
  static final long MAX_SCRIPTS_BYTES = 16 * 1024 * 1024;

  private final Repository repository;
  private final int maxCommits;
  private final Duration timeout;
  private long scriptBudget;

  GitHistoryExplainer(Repository repository, int maxCommits, Duration timeout) {
    this.repository = repository;
    this.maxCommits = maxCommits;
    this.timeout = timeout;
  }

  HistoryEvidence explain(
      RevCommit head, String migrationsDirectory, String auditedBranch, EvidenceRequest request) {
    Instant deadline = Instant.now().plus(timeout);
    scriptBudget = MAX_SCRIPTS_BYTES;
    Set<String> names = new HashSet<>();
    for (String name : request.names()) {
      if (RepositoryPaths.safeName(name)) {
        names.add(name);
      }
    }
    if (names.isEmpty()) {
      return HistoryEvidence.NONE;
    }
    String prefix = migrationsDirectory.isEmpty() ? "" : migrationsDirectory + "/";
    Walk walk = new Walk(prefix, request, names, deadline);
    try {
      walk.run(head);
      Map<String, Evidence> phantoms = new LinkedHashMap<>(walk.phantoms);
      Set<String> unexplained = new HashSet<>(walk.phantomsLeft);
      if (!unexplained.isEmpty()) {
        phantoms.putAll(
            onOtherBranches(prefix, unexplained, auditedBranch, walk.complete, deadline));
      }
      Map<String, Evidence> edits = new LinkedHashMap<>();
      walk.changes.forEach(
          (name, changes) ->
              edits.put(
                  name,
                  new Evidence(Kind.CHANGED_AFTER_APPLY, changes, List.of(), null, prefix + name)));
      return new HistoryEvidence(phantoms, edits, walk.additions, walk.complete);
    } catch (IOException e) {
      throw new UncheckedIOException("the history of the repository cannot be read", e);
    }
  }

  /** The walk of the audited ref. */
  private final class Walk {
    final String prefix;
    final EvidenceRequest request;
    final Set<String> names;
    final Instant deadline;
    final Map<String, Evidence> phantoms = new LinkedHashMap<>();
    final Map<String, Evidence> additions = new LinkedHashMap<>();
    final Map<String, List<CommitChange>> changes = new LinkedHashMap<>();
    final Set<String> phantomsLeft;
    final Set<String> additionsLeft;
    boolean complete = true;

    Walk(String prefix, EvidenceRequest request, Set<String> names, Instant deadline) {
      this.prefix = prefix;
      this.request = request;
      this.names = names;
      this.deadline = deadline;
      this.phantomsLeft = new HashSet<>(request.phantoms());
      this.phantomsLeft.retainAll(names);
      this.additionsLeft = new HashSet<>(request.additions());
      this.additionsLeft.retainAll(names);
    }

    void run(RevCommit head) throws IOException {
      Instant earliestApplied =
          request.edited().values().stream().min(Instant::compareTo).orElse(null);
      List<String> paths = names.stream().map(name -> prefix + name).toList();
      try (RevWalk revWalk = new RevWalk(repository);
          DiffFormatter formatter = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
        formatter.setRepository(repository);
        formatter.setPathFilter(PathFilterGroup.createFromStrings(paths));
        revWalk.setTreeFilter(
            AndTreeFilter.create(PathFilterGroup.createFromStrings(paths), TreeFilter.ANY_DIFF));
        revWalk.setRewriteParents(false);
        revWalk.markStart(revWalk.parseCommit(head));
        int walked = 0;
        for (RevCommit commit : revWalk) {
          if (++walked > maxCommits || Instant.now().isAfter(deadline)) {
            complete = false;
            return;
          }
          Instant time = Instant.ofEpochSecond(commit.getCommitTime());
          if (phantomsLeft.isEmpty()
              && additionsLeft.isEmpty()
              && (earliestApplied == null || time.isBefore(earliestApplied))) {
            return;
          }
          for (DiffEntry entry : formatter.scan(parentTree(revWalk, commit), treeOf(commit))) {
            classify(commit, time, entry, formatter);
          }
        }
      }
    }

    private void classify(RevCommit commit, Instant time, DiffEntry entry, DiffFormatter formatter)
        throws IOException {
      String path =
          entry.getChangeType() == ChangeType.DELETE ? entry.getOldPath() : entry.getNewPath();
      String rest = path.substring(prefix.length());
      int slash = rest.indexOf('/');
      if (slash < 0 || !rest.substring(slash + 1).equals(GitMigrationSource.SCRIPT)) {
        return;
      }
      String name = rest.substring(0, slash);
      switch (entry.getChangeType()) {
        case ADD, COPY -> {
          if (additionsLeft.remove(name)) {
            additions.put(
                name, Evidence.of(Kind.ADDED, GitMigrationSource.revision(commit), prefix + name));
          }
        }
        case DELETE -> {
          if (phantomsLeft.remove(name)) {
            phantoms.put(name, deletion(commit, entry, name));
          }
        }
        case MODIFY -> {
          Instant applied = request.edited().get(name);
          if (applied != null && time.isAfter(applied)) {
            int added = 0;
            int removed = 0;
            for (Edit edit : formatter.toFileHeader(entry).toEditList()) {
              added += edit.getLengthB();
              removed += edit.getLengthA();
            }
            changes
                .computeIfAbsent(name, ignored -> new ArrayList<>())
                .add(new CommitChange(GitMigrationSource.revision(commit), added, removed));
          }
        }
        default -> {}
      }
    }

    /**
     * DELETED, or RENAMED when the same commit added another migration with the very same script;
     * either way with the script the commit removed.
     */
    private Evidence deletion(RevCommit commit, DiffEntry deleted, String name) throws IOException {
      Revision revision = GitMigrationSource.revision(commit);
      Optional<String> script = script(deleted.getOldId().toObjectId(), deleted.getOldMode());
      try (RevWalk parser = new RevWalk(repository);
          TreeWalk tree = new TreeWalk(repository)) {
        tree.addTree(parentTree(parser, commit));
        tree.addTree(treeOf(commit));
        tree.setRecursive(true);
        if (!prefix.isEmpty()) {
          tree.setFilter(
              AndTreeFilter.create(
                  PathFilter.create(prefix.substring(0, prefix.length() - 1)),
                  TreeFilter.ANY_DIFF));
        } else {
          tree.setFilter(TreeFilter.ANY_DIFF);
        }
        for (DiffEntry entry : DiffEntry.scan(tree)) {
          if (entry.getChangeType() == ChangeType.ADD
              && entry.getNewId().toObjectId().equals(deleted.getOldId().toObjectId())
              && entry.getNewPath().endsWith("/" + GitMigrationSource.SCRIPT)) {
            String other = entry.getNewPath().substring(prefix.length());
            other = other.substring(0, other.indexOf('/'));
            return new Evidence(
                Kind.RENAMED,
                List.of(CommitChange.of(revision)),
                List.of(),
                other,
                prefix + name,
                script);
          }
        }
      }
      return new Evidence(
          Kind.DELETED, List.of(CommitChange.of(revision)), List.of(), null, prefix + name, script);
    }
  }

  /**
   * Phantoms the audited ref never had: on another branch's tip (with the script of the first such
   * branch by name), somewhere in their history (with the script nearest the commit found), or
   * nowhere.
   */
  private Map<String, Evidence> onOtherBranches(
      String prefix, Set<String> phantoms, String auditedBranch, boolean complete, Instant deadline)
      throws IOException {
    List<Ref> branches = new ArrayList<>();
    for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_HEADS)) {
      if (!ref.getName().equals(auditedBranch)) {
        branches.add(ref);
      }
    }
    Map<String, Evidence> found = new HashMap<>();
    try (RevWalk walk = new RevWalk(repository)) {
      Map<String, TreeMap<String, Blob>> atTips = new HashMap<>();
      for (Ref branch : branches) {
        RevCommit tip = walk.parseCommit(branch.getObjectId());
        for (String phantom : phantoms) {
          try (TreeWalk script =
              TreeWalk.forPath(
                  repository, prefix + phantom + "/" + GitMigrationSource.SCRIPT, tip.getTree())) {
            if (script != null) {
              atTips
                  .computeIfAbsent(phantom, ignored -> new TreeMap<>())
                  .put(shortName(branch), new Blob(script.getObjectId(0), script.getFileMode(0)));
            }
          }
        }
      }
      for (String phantom : phantoms) {
        TreeMap<String, Blob> having = atTips.get(phantom);
        if (having != null) {
          Blob first = having.firstEntry().getValue();
          found.put(
              phantom,
              new Evidence(
                  Kind.ONLY_ON_BRANCH,
                  List.of(),
                  List.copyOf(having.keySet()),
                  null,
                  prefix + phantom,
                  script(first.id(), first.mode())));
        }
      }
    }
    Set<String> remaining = new HashSet<>(phantoms);
    remaining.removeAll(found.keySet());
    if (remaining.isEmpty()) {
      return found;
    }
    boolean searchedEverywhere = complete;
    try (RevWalk walk = new RevWalk(repository)) {
      List<String> paths = remaining.stream().map(name -> prefix + name).toList();
      walk.setTreeFilter(
          AndTreeFilter.create(PathFilterGroup.createFromStrings(paths), TreeFilter.ANY_DIFF));
      for (Ref branch : branches) {
        walk.markStart(walk.parseCommit(branch.getObjectId()));
      }
      int walked = 0;
      for (RevCommit commit : walk) {
        if (++walked > maxCommits || Instant.now().isAfter(deadline) || remaining.isEmpty()) {
          searchedEverywhere &= remaining.isEmpty();
          break;
        }
        for (String phantom : List.copyOf(remaining)) {
          if (touches(commit, prefix + phantom)) {
            List<String> having = reachingBranches(commit, branches);
            found.put(
                phantom,
                new Evidence(
                    Kind.ONLY_ON_BRANCH,
                    List.of(CommitChange.of(GitMigrationSource.revision(commit))),
                    having,
                    null,
                    prefix + phantom,
                    scriptNear(commit, prefix + phantom + "/" + GitMigrationSource.SCRIPT)));
            remaining.remove(phantom);
          }
        }
      }
    }
    if (searchedEverywhere) {
      for (String phantom : remaining) {
        found.put(
            phantom,
            new Evidence(Kind.NEVER_COMMITTED, List.of(), List.of(), null, prefix + phantom));
      }
    }
    return found;
  }

  /** The script at this commit, else (the commit deleted it) at its first parent that has it. */
  private Optional<String> scriptNear(RevCommit commit, String path) throws IOException {
    // A fresh walk: the filtered one rewrites parents to the previous commit touching the path.
    try (RevWalk parser = new RevWalk(repository)) {
      RevCommit parsed = parser.parseCommit(commit);
      List<RevCommit> candidates = new ArrayList<>();
      candidates.add(parsed);
      for (RevCommit parent : parsed.getParents()) {
        candidates.add(parser.parseCommit(parent));
      }
      for (RevCommit candidate : candidates) {
        try (TreeWalk script = TreeWalk.forPath(repository, path, candidate.getTree())) {
          if (script != null) {
            return script(script.getObjectId(0), script.getFileMode(0));
          }
        }
      }
    }
    return Optional.empty();
  }

  /**
   * A script's text (UTF-8), or empty: not a regular file, missing from the repository, over {@link
   * #MAX_SCRIPT_BYTES}, past the explanation's budget, or unreadable. The script is a bonus:
   * failing to read it never fails the explanation.
   */
  private Optional<String> script(AnyObjectId blob, FileMode mode) {
    if (blob == null
        || ObjectId.zeroId().equals(blob)
        || (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE)) {
      return Optional.empty();
    }
    try (ObjectReader reader = repository.newObjectReader()) {
      ObjectLoader loader = reader.open(blob, Constants.OBJ_BLOB);
      long size = loader.getSize();
      if (size > MAX_SCRIPT_BYTES || size > scriptBudget) {
        return Optional.empty();
      }
      scriptBudget -= size;
      return Optional.of(
          new String(loader.getBytes((int) MAX_SCRIPT_BYTES), StandardCharsets.UTF_8));
    } catch (IOException | LargeObjectException e) {
      return Optional.empty();
    }
  }

  /** A file in a tree. */
  private record Blob(ObjectId id, FileMode mode) {}

  private boolean touches(RevCommit commit, String path) throws IOException {
    try (RevWalk parser = new RevWalk(repository);
        TreeWalk tree = new TreeWalk(repository)) {
      tree.addTree(parentTree(parser, commit));
      tree.addTree(treeOf(commit));
      tree.setRecursive(true);
      tree.setFilter(AndTreeFilter.create(PathFilter.create(path), TreeFilter.ANY_DIFF));
      return tree.next();
    }
  }

  private List<String> reachingBranches(RevCommit commit, Collection<Ref> branches)
      throws IOException {
    try (RevWalk walk = new RevWalk(repository)) {
      return RevWalkUtils.findBranchesReachableFrom(walk.parseCommit(commit), walk, branches)
          .stream()
          .map(GitHistoryExplainer::shortName)
          .sorted()
          .toList();
    }
  }

  private AbstractTreeIterator parentTree(RevWalk walk, RevCommit commit) throws IOException {
    if (commit.getParentCount() == 0) {
      return new EmptyTreeIterator();
    }
    RevCommit parent = walk.parseCommit(commit.getParent(0));
    return treeIterator(parent);
  }

  private AbstractTreeIterator treeOf(RevCommit commit) throws IOException {
    return treeIterator(commit);
  }

  private CanonicalTreeParser treeIterator(RevCommit commit) throws IOException {
    try (var reader = repository.newObjectReader()) {
      return new CanonicalTreeParser(null, reader, commit.getTree());
    }
  }

  private static String shortName(Ref ref) {
    return ref.getName().startsWith(Constants.R_HEADS)
        ? ref.getName().substring(Constants.R_HEADS.length())
        : ref.getName();
  }
}
