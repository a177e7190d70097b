package io.driftwatch.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A folder on the service's machine that holds {@code migrations/} and the schema ({@code
 * schema.prisma}, or a folder of {@code .prisma} files), or a project's {@code prisma.config.ts}
 * that says where they are. Nothing outside {@code path} is read, and nothing under it through a
 * symbolic link.
 *
 * @param path absolute path of the folder (usually the project's {@code prisma/}), below one of
 *     {@code driftwatch.source.roots}
 * @param migrationsPath optional override of the migrations folder, relative to {@code path}
 * @param schemaPath optional override of the schema file or folder, relative to {@code path}
 */
public record PathSourceSpec(String path, String migrationsPath, String schemaPath)
    implements SourceSpec {

  public static final String TYPE = "path";
  static final String DEFAULT_MIGRATIONS = "migrations";

  @Override
  public String type() {
    return TYPE;
  }

  public Path base() {
    return Path.of(path);
  }

  /**
   * The migrations folder relative to {@code path}: {@code migrationsPath}, else {@code
   * migrations}.
   */
  public Path migrationsRelative() {
    return inside(
        "source.migrationsPath", migrationsPath == null ? DEFAULT_MIGRATIONS : migrationsPath);
  }

  /**
   * {@code schemaPath} relative to {@code path}; empty when not set (then {@code schema.prisma},
   * else {@code schema/}).
   */
  public Optional<Path> schemaRelative() {
    return schemaPath == null
        ? Optional.empty()
        : Optional.of(inside("source.schemaPath", schemaPath));
  }

  /**
   * Where the project keeps its schema and migrations, in the folder as it is now: the
   * environment's overrides, else the folder's Prisma config, else Prisma's defaults. Nothing above
   * {@code path} is read: a project with a config is pointed at the folder that holds the config.
   *
   * @throws SourceUnavailableException when the config names the migrations in a way that cannot be
   *     read statically, or outside {@code path}
   */
  ProjectLayouts.Resolved layout(SourceTree tree) throws IOException, SourceUnavailableException {
    return ProjectLayouts.resolve(
        tree,
        new ProjectLayouts.Request(
            "",
            Optional.ofNullable(migrationsPath).map(value -> migrationsRelative().toString()),
            schemaRelative().map(Path::toString),
            false));
  }

  /** The migrations folder as written, for reports. */
  public Path migrationsDirectory() {
    return base().resolve(migrationsRelative());
  }

  /**
   * Checks what can be checked when the environment is saved; the audit checks again, since the
   * tree can change after that.
   *
   * @throws InvalidSourceException naming the first problem
   */
  public void validate(SourceBounds bounds) {
    if (path == null || path.isBlank()) {
      throw new InvalidSourceException(
          "source.path is required: the project's prisma/ folder (migrations/ and"
              + " schema.prisma), or the folder that holds its prisma.config.ts");
    }
    Path base;
    Path migrations;
    Optional<Path> schema;
    try {
      base = base();
      migrations = migrationsRelative();
      schema = schemaRelative();
    } catch (InvalidPathException e) {
      throw new InvalidSourceException("source paths must be valid paths: " + e.getReason());
    }
    if (!base.isAbsolute()) {
      throw new InvalidSourceException("source.path must be absolute (got `" + path + "`)");
    }
    // The roots first: whether a folder outside them exists is none of the caller's business.
    refuse(bounds.refusal("source.path `" + path + "`", base));
    if (!Files.isDirectory(base)) {
      throw new InvalidSourceException(
          "source.path `" + path + "` does not exist or is not a folder");
    }
    Path realBase = SourceBounds.real(base);
    if (migrationsPath == null) {
      try {
        migrations = Path.of(layout(new FolderTree(realBase)).migrations());
      } catch (IOException e) {
        throw new InvalidSourceException(
            "source.path `" + path + "` cannot be read: " + e.getMessage());
      } catch (SourceUnavailableException e) {
        throw new InvalidSourceException(e.getMessage());
      }
    }
    String noMigrations =
        "no migrations folder at `"
            + base.resolve(migrations)
            + "`"
            + (migrationsPath == null
                ? "; set source.migrationsPath if your migrations live elsewhere"
                : "");
    Path realMigrations = realInside(realBase, migrations, "source.migrationsPath", noMigrations);
    if (!Files.isDirectory(realMigrations, LinkOption.NOFOLLOW_LINKS)) {
      throw new InvalidSourceException(noMigrations);
    }
    refuse(
        bounds.refusalOfReal(
            "source.migrationsPath `" + base.resolve(migrations) + "`", realMigrations));
    if (schema.isPresent()) {
      Path realSchema =
          realInside(
              realBase,
              schema.get(),
              "source.schemaPath",
              "source.schemaPath `" + schemaPath + "` does not exist");
      refuse(bounds.refusalOfReal("source.schemaPath `" + schemaPath + "`", realSchema));
    }
  }

  /**
   * A path relative to {@code path}, normalised, that cannot leave it: not absolute, no {@code ..}.
   *
   * @throws InvalidSourceException naming the field
   * @throws InvalidPathException when it is no path at all
   */
  static Path inside(String field, String value) {
    Path relative = Path.of(value);
    if (relative.isAbsolute()) {
      throw new InvalidSourceException(
          field
              + " must be relative to source.path (got `"
              + value
              + "`): nothing outside source.path is read");
    }
    for (Path step : relative) {
      if (step.toString().equals("..")) {
        throw new InvalidSourceException(
            field + " must stay inside source.path, without `..` (got `" + value + "`)");
      }
    }
    return relative.normalize();
  }

  /**
   * The real path of a location under the base, which must be the location itself: no link on the
   * way.
   */
  private static Path realInside(Path realBase, Path relative, String field, String missing) {
    Path location = realBase.resolve(relative).normalize();
    if (!Files.exists(location, LinkOption.NOFOLLOW_LINKS)) {
      throw new InvalidSourceException(missing);
    }
    Path real;
    try {
      real = location.toRealPath();
    } catch (IOException e) {
      throw new InvalidSourceException(missing);
    }
    if (!real.equals(location)) {
      throw new InvalidSourceException(
          field
              + " `"
              + relative
              + "` is or passes through a symbolic link, and "
              + "driftwatch never follows links under source.path"
              + (real.startsWith(realBase) ? "" : " (this one leads outside it)")
              + ": name the real file or folder");
    }
    return real;
  }

  private static void refuse(String refusal) {
    if (refusal != null) {
      throw new InvalidSourceException(refusal);
    }
  }
}
