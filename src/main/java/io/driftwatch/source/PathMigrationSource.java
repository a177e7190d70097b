package io.driftwatch.source;

import io.driftwatch.core.SourceSnapshot;
import io.driftwatch.core.history.FolderMigration;
import io.driftwatch.core.history.MigrationScript;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads a migrations folder from the local file system, the way Prisma lists it. */
public final class PathMigrationSource implements MigrationSource {

  static final String SCRIPT = "migration.sql";
  static final String LOCK_FILE = "migration_lock.toml";

  private final Path migrations;
  private final Path schema;
  private final Limits limits;

  /** A script over {@code maxScriptBytes} is not read (a finding says so); over {@code maxTotalBytes} in all, the read fails. */
  public record Limits(long maxScriptBytes, long maxTotalBytes) {}

  public PathMigrationSource(PathSourceSpec spec, Limits limits) {
    this.migrations = spec.migrationsDirectory();
    this.schema = spec.schemaLocation();
    this.limits = limits;
  }

  @Override
  public String location() {
    return migrations.toString();
  }

  @Override
  public SourceSnapshot read() throws SourceUnavailableException {
    if (!Files.isDirectory(migrations)) {
      throw new SourceUnavailableException("the migrations folder " + migrations + " does not exist or is not a folder");
    }
    List<FolderMigration> found = new ArrayList<>();
    long total = 0;
    try (DirectoryStream<Path> entries = Files.newDirectoryStream(migrations)) {
      for (Path entry : entries) {
        if (Files.isDirectory(entry)) {
          FolderMigration migration = readMigration(entry);
          total += migration.script().map(MigrationScript::size).orElse(0);
          if (total > limits.maxTotalBytes()) {
            throw new SourceUnavailableException("the scripts in " + migrations + " exceed " + limits.maxTotalBytes()
                + " bytes together (driftwatch.source.max-total-bytes)");
          }
          found.add(migration);
        }
      }
      return new SourceSnapshot(found, readLockProvider(), Optional.empty(), readSchema());
    } catch (IOException e) {
      throw new SourceUnavailableException("cannot read the migrations folder " + migrations + ": " + describe(e), e);
    }
  }

  private FolderMigration readMigration(Path directory) throws IOException {
    String name = directory.getFileName().toString();
    Path script = directory.resolve(SCRIPT);
    if (!Files.isRegularFile(script)) {
      return FolderMigration.withoutScript(name);
    }
    long size = Files.size(script);
    if (size > limits.maxScriptBytes()) {
      return FolderMigration.unreadable(name,
          "it is " + size + " bytes, over the limit of " + limits.maxScriptBytes() + " (driftwatch.source.max-script-bytes)");
    }
    return FolderMigration.withScript(name, MigrationScript.fromBytes(Files.readAllBytes(script)));
  }

  /** The schema file, or every .prisma file under the schema folder (symbolic links not followed). */
  private SortedMap<String, String> readSchema() throws IOException, SourceUnavailableException {
    SortedMap<String, String> files = new TreeMap<>();
    if (Files.isRegularFile(schema, LinkOption.NOFOLLOW_LINKS)) {
      files.put(schema.getFileName().toString(), readSchemaFile(schema));
    } else if (Files.isDirectory(schema, LinkOption.NOFOLLOW_LINKS)) {
      try (Stream<Path> walk = Files.walk(schema)) {
        for (Path file : (Iterable<Path>) walk::iterator) {
          if (file.getFileName().toString().endsWith(".prisma") && Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            files.put(schema.relativize(file).toString(), readSchemaFile(file));
          }
        }
      }
    }
    return files;
  }

  private String readSchemaFile(Path file) throws IOException, SourceUnavailableException {
    if (Files.size(file) > limits.maxScriptBytes()) {
      throw new SourceUnavailableException("the schema file " + file + " is over " + limits.maxScriptBytes()
          + " bytes (driftwatch.source.max-script-bytes)");
    }
    return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
  }

  private Optional<String> readLockProvider() throws IOException {
    Path lock = migrations.resolve(LOCK_FILE);
    if (!Files.isRegularFile(lock)) {
      return Optional.empty();
    }
    return LockFile.provider(Files.readString(lock, StandardCharsets.UTF_8));
  }

  private static String describe(IOException e) {
    return e.getClass().getSimpleName() + (e.getMessage() == null ? "" : " " + e.getMessage());
  }
}
