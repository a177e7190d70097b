package io.driftwatch.source.git;

import io.driftwatch.source.SourceTree;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A commit's tree as a {@link SourceTree}, read from the mirror without a checkout: a link or a
 * submodule is what it is, never followed; names git would refuse to check out are left out.
 */
final class CommitTree implements SourceTree {

  private final Repository repository;
  private final RevCommit commit;

  CommitTree(Repository repository, RevCommit commit) {
    this.repository = repository;
    this.commit = commit;
  }

  @Override
  public Kind kind(String path) throws IOException {
    if (path.isEmpty()) {
      return Kind.FOLDER;
    }
    try (TreeWalk walk = TreeWalk.forPath(repository, path, commit.getTree())) {
      if (walk == null) {
        return Kind.MISSING;
      }
      FileMode mode = walk.getFileMode(0);
      if (mode == FileMode.TREE) {
        return Kind.FOLDER;
      }
      if (mode == FileMode.SYMLINK) {
        return Kind.LINK;
      }
      return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE
          ? Kind.FILE
          : Kind.OTHER;
    }
  }

  @Override
  public List<String> names(String folder) throws IOException {
    try (ObjectReader reader = repository.newObjectReader();
        TreeWalk walk = new TreeWalk(reader)) {
      if (folder.isEmpty()) {
        walk.addTree(commit.getTree());
      } else {
        try (TreeWalk found = TreeWalk.forPath(repository, folder, commit.getTree())) {
          if (found == null || found.getFileMode(0) != FileMode.TREE) {
            return List.of();
          }
          walk.addTree(found.getObjectId(0));
        }
      }
      walk.setRecursive(false);
      List<String> names = new ArrayList<>();
      while (walk.next()) {
        if (RepositoryPaths.safeName(walk.getNameString())) {
          names.add(walk.getNameString());
        }
      }
      return names.stream().sorted().toList();
    }
  }

  @Override
  public Optional<byte[]> read(String path, int maxBytes) throws IOException {
    try (TreeWalk walk = TreeWalk.forPath(repository, path, commit.getTree())) {
      if (walk == null) {
        return Optional.empty();
      }
      FileMode mode = walk.getFileMode(0);
      if (mode != FileMode.REGULAR_FILE && mode != FileMode.EXECUTABLE_FILE) {
        return Optional.empty();
      }
      try (ObjectReader reader = repository.newObjectReader()) {
        if (reader.getObjectSize(walk.getObjectId(0), Constants.OBJ_BLOB) > maxBytes) {
          return Optional.empty();
        }
        return Optional.of(reader.open(walk.getObjectId(0), Constants.OBJ_BLOB).getBytes());
      }
    }
  }
}
