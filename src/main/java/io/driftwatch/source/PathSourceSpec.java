package io.driftwatch.source;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder on the service's machine that holds {@code migrations/} and the schema
 * ({@code schema.prisma}, or a folder of {@code .prisma} files).
 *
 * @param path absolute path of the folder (usually the project's {@code prisma/})
 * @param migrationsPath optional override of the migrations folder, absolute or relative to {@code path}
 * @param schemaPath optional override of the schema file or folder, absolute or relative to {@code path}
 */
public record PathSourceSpec(String path, String migrationsPath, String schemaPath) implements SourceSpec {

  public static final String TYPE = "path";

  @Override
  public String type() {
    return TYPE;
  }

  public Path base() {
    return Path.of(path);
  }

  /**
   * Where the Prisma schema is: {@code schemaPath}, else {@code schema.prisma} beside the migrations,
   * else a {@code schema} folder of {@code .prisma} files (Prisma's multi-file layout).
   */
  public Path schemaLocation() {
    if (schemaPath != null) {
      return base().resolve(schemaPath);
    }
    Path single = base().resolve("schema.prisma");
    return Files.exists(single) ? single : base().resolve("schema");
  }

  public Path migrationsDirectory() {
    return migrationsPath == null ? base().resolve("migrations") : base().resolve(migrationsPath);
  }

  /**
   * Checks what can be checked when the environment is saved.
   *
   * @throws InvalidSourceException naming the first problem
   */
  public void validate() {
    if (path == null || path.isBlank()) {
      throw new InvalidSourceException("source.path is required: the folder that holds migrations/ and schema.prisma");
    }
    Path base;
    try {
      base = base();
      migrationsDirectory();
      if (schemaPath != null) {
        base.resolve(schemaPath);
      }
    } catch (java.nio.file.InvalidPathException e) {
      throw new InvalidSourceException("source paths must be valid paths: " + e.getReason());
    }
    if (!base.isAbsolute()) {
      throw new InvalidSourceException("source.path must be absolute (got `" + path + "`)");
    }
    if (!Files.isDirectory(base)) {
      throw new InvalidSourceException("source.path `" + path + "` does not exist or is not a folder");
    }
    Path migrations = migrationsDirectory();
    if (!Files.isDirectory(migrations)) {
      throw new InvalidSourceException("no migrations folder at `" + migrations
          + "`; set source.migrationsPath if your migrations live elsewhere");
    }
    if (schemaPath != null && !Files.exists(base().resolve(schemaPath))) {
      throw new InvalidSourceException("source.schemaPath `" + schemaPath + "` does not exist");
    }
  }
}
