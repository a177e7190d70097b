package io.driftwatch.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where tests keep the folders and repositories they register as sources: {@code
 * <tmpdir>/driftwatch-sources}, the one folder of {@code %test.driftwatch.source.roots}. A folder
 * outside the roots is then a sibling of it, outside whatever folder the checkout and its build
 * happen to live in.
 */
public final class TestSources {

  private static final Path TMP = Path.of(System.getProperty("java.io.tmpdir"));

  private TestSources() {}

  /** The tests' source root, created when missing. */
  public static Path root() {
    try {
      return Files.createDirectories(TMP.resolve("driftwatch-sources"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A new, empty folder outside the source root. */
  public static Path outside(String prefix) {
    try {
      return Files.createTempDirectory(TMP, prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
