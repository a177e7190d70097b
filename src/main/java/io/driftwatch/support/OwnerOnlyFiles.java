package io.driftwatch.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.function.Supplier;

/**
 * Small secret files the quick start keeps in its data directory (key, admin token), readable by
 * the owner only.
 */
public final class OwnerOnlyFiles {

  private OwnerOnlyFiles() {}

  /** Writes {@code content} into {@code file} unless it exists; true when it was created now. */
  public static boolean createIfAbsent(Path file, Supplier<String> content) {
    try {
      if (Files.exists(file)) {
        return false;
      }
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, content.get() + "\n", StandardCharsets.US_ASCII);
      try {
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // a file system without POSIX permissions: nothing more to restrict
      }
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create " + file, e);
    }
  }

  public static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.US_ASCII).strip();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}
