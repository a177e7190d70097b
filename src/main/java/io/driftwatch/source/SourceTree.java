package io.driftwatch.source;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * A read-only view of the files a source may read, by {@code /}-separated path from its root
 * ({@code ""} is the root): what the layout of a Prisma project is worked out from, the same way
 * for a local folder and a commit's tree. Links are never followed: one is {@link Kind#LINK}, not
 * what it points at.
 */
public interface SourceTree {

  /** What an entry is, seen without following a link. */
  enum Kind {
    FILE,
    FOLDER,
    LINK,
    OTHER,
    MISSING
  }

  Kind kind(String path) throws IOException;

  /** The names in a folder, sorted; none when it is not a folder. */
  List<String> names(String folder) throws IOException;

  /** A file's bytes; empty when it is not a file or holds more than {@code maxBytes}. */
  Optional<byte[]> read(String path, int maxBytes) throws IOException;

  /** {@code a/b} from {@code a} and {@code b}; either may be empty. */
  static String join(String base, String child) {
    if (base.isEmpty()) {
      return child;
    }
    return child.isEmpty() ? base : base + "/" + child;
  }

  /** The folder holding a path; {@code ""} for one at the root. */
  static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? "" : path.substring(0, slash);
  }
}
