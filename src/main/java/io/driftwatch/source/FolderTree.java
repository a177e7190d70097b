package io.driftwatch.source;

import io.driftwatch.source.NoFollowFolder.Content;
import java.io.IOException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A local folder as a {@link SourceTree}: nothing above it is readable, and nothing under it
 * through a link (each step is taken by {@link NoFollowFolder}).
 */
final class FolderTree implements SourceTree {

  private final Path realRoot;

  FolderTree(Path realRoot) {
    this.realRoot = realRoot;
  }

  /**
   * A path no file can have here (a NUL in a name a repository's config wrote): nothing is there.
   */
  private static boolean invalid(String path) {
    try {
      Path.of(path);
      return false;
    } catch (InvalidPathException e) {
      return true;
    }
  }

  @Override
  public Kind kind(String path) throws IOException {
    String parent = SourceTree.parent(path);
    String name = path.substring(parent.isEmpty() ? 0 : parent.length() + 1);
    if (name.isEmpty()) {
      return Kind.FOLDER;
    }
    if (invalid(path)) {
      return Kind.MISSING;
    }
    try (NoFollowFolder root = NoFollowFolder.open(realRoot)) {
      Optional<NoFollowFolder> holder = root.descend(Path.of(parent));
      if (holder.isEmpty()) {
        return Kind.MISSING;
      }
      try (NoFollowFolder folder = holder.get()) {
        return Kind.valueOf(folder.kind(name).name());
      }
    }
  }

  @Override
  public List<String> names(String folder) throws IOException {
    if (invalid(folder)) {
      return List.of();
    }
    try (NoFollowFolder root = NoFollowFolder.open(realRoot)) {
      if (folder.isEmpty()) {
        return root.names().stream().sorted().toList();
      }
      Optional<NoFollowFolder> found = root.descend(Path.of(folder));
      if (found.isEmpty()) {
        return List.of();
      }
      try (NoFollowFolder entries = found.get()) {
        return entries.names().stream().sorted().toList();
      }
    }
  }

  @Override
  public Optional<byte[]> read(String path, int maxBytes) throws IOException {
    if (invalid(path) || kind(path) != Kind.FILE) {
      return Optional.empty();
    }
    String parent = SourceTree.parent(path);
    String name = path.substring(parent.isEmpty() ? 0 : parent.length() + 1);
    try (NoFollowFolder root = NoFollowFolder.open(realRoot)) {
      Optional<NoFollowFolder> holder = root.descend(Path.of(parent));
      if (holder.isEmpty()) {
        return Optional.empty();
      }
      try (NoFollowFolder folder = holder.get()) {
        Content content = folder.read(name, maxBytes);
        return Optional.ofNullable(content.bytes());
      }
    }
  }
}
