package io.driftwatch.source;

import io.driftwatch.core.prisma.ProjectPaths;
import io.driftwatch.core.prisma.SourceLayout;
import io.driftwatch.core.prisma.SourceLayout.Located;
import io.driftwatch.core.prisma.SourceLayout.Unread;
import io.driftwatch.core.prisma.config.ConfigValue;
import io.driftwatch.core.prisma.config.PrismaConfig;
import io.driftwatch.core.prisma.config.PrismaConfigReader;
import io.driftwatch.core.prisma.config.UnreadKey;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Works out where a source's Prisma project keeps its schema and migrations, the same way for every
 * kind of source: the environment's overrides first, then a Prisma config ({@code prisma.config.ts}
 * and its siblings, read statically: never run), then Prisma's defaults. Each path says where it
 * came from ({@link SourceLayout}); what the config sets in a way that cannot be read is never
 * guessed at.
 */
public final class ProjectLayouts {

  /** Where a layout is looked for, and what the environment says. */
  public record Request(
      String base,
      Optional<String> migrationsPath,
      Optional<String> schemaPath,
      boolean mayLookAbove) {}

  /**
   * Where to read from, as paths of the tree.
   *
   * @param migrations the migrations folder
   * @param schema the schema file or folder named by the environment or the config; empty for
   *     Prisma's defaults, given in {@code schemaCandidates}
   * @param schemaCandidates where Prisma's defaults look, in order (empty when {@code schema} is
   *     set or unknown)
   * @param schemaUnknown why the schema is not read: the config names it in a way that cannot be
   *     read statically
   * @param layout what the report says of it (the Prisma 8 part is added by the source)
   */
  public record Resolved(
      String migrations,
      Optional<String> schema,
      List<String> schemaCandidates,
      Optional<String> schemaUnknown,
      Optional<String> config,
      SourceLayout layout) {

    /** The paths the commands give, relative to the folder they are run from. */
    public ProjectPaths paths(String schemaRead) {
      return new ProjectPaths(migrations, schemaRead, config, layout.prismaMajor());
    }
  }

  private ProjectLayouts() {}

  /**
   * @throws SourceUnavailableException when the migrations folder cannot be known: the config names
   *     it in a way that cannot be read statically, or outside what the source may read
   */
  public static Resolved resolve(SourceTree tree, Request request)
      throws IOException, SourceUnavailableException {
    String base = request.base();
    Optional<String> configPath = findConfig(tree, base, request.mayLookAbove());
    Optional<PrismaConfig> config = Optional.empty();
    List<Unread> unread = new ArrayList<>();
    if (configPath.isPresent()) {
      Optional<byte[]> bytes = tree.read(configPath.get(), PrismaConfigReader.MAX_BYTES);
      PrismaConfig read =
          bytes.isPresent()
              ? PrismaConfigReader.read(
                  new String(bytes.get(), StandardCharsets.UTF_8), name(configPath.get()))
              : PrismaConfig.unreadable(
                  "it is larger than " + PrismaConfigReader.MAX_BYTES + " bytes");
      read.fileUnreadable()
          .ifPresent(reason -> unread.add(new Unread(UnreadKey.WHOLE_CONFIG, reason)));
      read.unread().forEach(key -> unread.add(new Unread(key.key(), key.reason())));
      config = Optional.of(read);
    }
    String configDir = configPath.map(ProjectLayouts::configFolder).orElse(base);
    String configName = configPath.map(ProjectLayouts::name).orElse("");

    // The schema: the environment's, the config's, or Prisma's defaults.
    Optional<String> schema = Optional.empty();
    List<String> candidates = List.of();
    Optional<String> schemaUnknown = Optional.empty();
    String schemaFrom;
    if (request.schemaPath().isPresent()) {
      schema = Optional.of(SourceTree.join(base, request.schemaPath().get()));
      schemaFrom = "the environment's source.schemaPath";
    } else if (config.isPresent() && unknown(config.get(), "schema").isPresent()) {
      schemaUnknown =
          Optional.of(
              "`"
                  + configName
                  + "` sets `schema` in a way driftwatch cannot read without running it ("
                  + unknown(config.get(), "schema").get()
                  + "): set source.schemaPath on the environment");
      schemaFrom = configName + " `schema` (not readable statically)";
    } else if (config.flatMap(PrismaConfig::schema).isPresent()) {
      String path = inside(configDir, config.get().schema().get(), configName, "schema");
      schema = Optional.of(path);
      schemaFrom = configName + " `schema`";
    } else if (config.isPresent()) {
      candidates =
          List.of(
              SourceTree.join(configDir, "prisma/schema.prisma"),
              SourceTree.join(configDir, "schema.prisma"));
      schemaFrom = "Prisma's default beside " + configName;
    } else {
      candidates = List.of(SourceTree.join(base, "schema.prisma"), SourceTree.join(base, "schema"));
      schemaFrom = SourceLayout.DEFAULT_ORIGIN;
    }

    // The migrations: the environment's, the config's, or beside the schema.
    String migrations;
    String migrationsFrom;
    if (request.migrationsPath().isPresent()) {
      migrations = SourceTree.join(base, request.migrationsPath().get());
      migrationsFrom = "the environment's source.migrationsPath";
    } else if (config.isPresent() && unknown(config.get(), "migrations.path").isPresent()) {
      throw new SourceUnavailableException(
          "`"
              + configName
              + "` sets `migrations.path` in a way driftwatch cannot read without running it ("
              + unknown(config.get(), "migrations.path").get()
              + "): set source.migrationsPath on the environment");
    } else if (config.flatMap(PrismaConfig::migrationsPath).isPresent()) {
      migrations =
          inside(configDir, config.get().migrationsPath().get(), configName, "migrations.path");
      migrationsFrom = configName + " `migrations.path`";
    } else if (config.isPresent()) {
      String schemaFolder =
          schema.isPresent()
              ? (schema.get().endsWith(".prisma") ? SourceTree.parent(schema.get()) : schema.get())
              : existingParent(tree, candidates, configDir);
      migrations = SourceTree.join(schemaFolder, "migrations");
      migrationsFrom = "Prisma's default: beside the schema";
    } else {
      migrations = SourceTree.join(base, "migrations");
      migrationsFrom = SourceLayout.DEFAULT_ORIGIN;
    }

    Optional<String> views =
        config
            .flatMap(PrismaConfig::viewsPath)
            .flatMap(
                value -> {
                  try {
                    return Optional.of(inside(configDir, value, configName, "views.path"));
                  } catch (SourceUnavailableException e) {
                    unread.add(new Unread("views.path", e.getMessage()));
                    return Optional.empty();
                  }
                });
    List<String> tables = new ArrayList<>();
    List<String> enums = new ArrayList<>();
    config.ifPresent(
        read -> {
          externals(read.externalTables(), "tables.external", tables, unread);
          externals(read.externalEnums(), "enums.external", enums, unread);
        });
    Optional<String> shadow =
        config.flatMap(PrismaConfig::shadowDatabaseUrl).map(ProjectLayouts::shadow);
    PrismaVersions.Assumed version =
        PrismaVersions.assume(tree, configDir, request.mayLookAbove() ? "" : base, config);
    SourceLayout layout =
        new SourceLayout(
            configPath,
            new Located(schema.orElse(candidates.isEmpty() ? "" : candidates.get(0)), schemaFrom),
            new Located(migrations, migrationsFrom),
            views,
            tables,
            enums,
            shadow,
            version.major(),
            version.basis(),
            unread,
            Optional.empty());
    return new Resolved(migrations, schema, candidates, schemaUnknown, configPath, layout);
  }

  /**
   * The config Prisma would find running in the source folder ({@code prisma.config.ts}, {@code
   * .config/prisma.ts}, their other extensions); else, when the folder is the project's {@code
   * prisma/} and the source may read above it, the one in the folder above (where {@code prisma
   * init} puts it).
   */
  static Optional<String> findConfig(SourceTree tree, String base, boolean mayLookAbove)
      throws IOException {
    Deque<String> folders = new ArrayDeque<>();
    folders.add(base);
    if (mayLookAbove && !base.isEmpty() && name(base).equals("prisma")) {
      folders.add(SourceTree.parent(base));
    }
    for (String folder : folders) {
      for (String candidate : ProjectPaths.DEFAULT_CONFIGS) {
        String path = SourceTree.join(folder, candidate);
        if (tree.kind(path) == SourceTree.Kind.FILE) {
          return Optional.of(path);
        }
      }
    }
    return Optional.empty();
  }

  /** Why a key (or an object holding it, or the whole config) cannot be read; empty if it can. */
  private static Optional<String> unknown(PrismaConfig config, String key) {
    if (config.fileUnreadable().isPresent()) {
      return config.fileUnreadable();
    }
    String path = key;
    while (true) {
      Optional<UnreadKey> found = config.unreadKey(path);
      if (found.isPresent()) {
        return Optional.of(found.get().reason());
      }
      int dot = path.lastIndexOf('.');
      if (dot < 0) {
        return config.unreadKey(UnreadKey.WHOLE_CONFIG).map(UnreadKey::reason);
      }
      path = path.substring(0, dot);
    }
  }

  /**
   * A config path joined to the config's folder, which must stay in the tree: a config is the
   * repository's word, and it may not send driftwatch outside what the source may read.
   */
  private static String inside(String configDir, ConfigValue value, String configName, String key)
      throws SourceUnavailableException {
    if (!(value instanceof ConfigValue.Path path)) {
      throw new SourceUnavailableException(
          "`"
              + configName
              + "` sets `"
              + key
              + "` from the environment: set it on the environment");
    }
    if (path.relative().chars().anyMatch(c -> c < 0x20)) {
      throw new SourceUnavailableException(
          "`"
              + configName
              + "` sets `"
              + key
              + "` to something no file can be named (it holds a control character): set it on"
              + " the environment");
    }
    if (path.isAbsolute()) {
      throw new SourceUnavailableException(
          "`"
              + configName
              + "` sets `"
              + key
              + "` to an absolute path, which driftwatch does not read: set it on the environment,"
              + " relative to the source");
    }
    Deque<String> parts = new ArrayDeque<>();
    for (String part : SourceTree.join(configDir, path.relative()).split("/")) {
      if (part.isEmpty() || part.equals(".")) {
        continue;
      }
      if (part.equals("..")) {
        if (parts.isEmpty()) {
          throw new SourceUnavailableException(
              "`"
                  + configName
                  + "` sets `"
                  + key
                  + "` to `"
                  + path.relative()
                  + "`, outside what the source may read: point the environment's source at the"
                  + " folder that holds it, or set it on the environment");
        }
        parts.removeLast();
      } else {
        parts.addLast(part);
      }
    }
    return String.join("/", parts);
  }

  /** The folder of the first default schema candidate that exists; the config's folder else. */
  private static String existingParent(SourceTree tree, List<String> candidates, String fallback) {
    for (String candidate : candidates) {
      try {
        if (tree.kind(candidate) == SourceTree.Kind.FILE) {
          return SourceTree.parent(candidate);
        }
      } catch (IOException e) {
        // looked at again when the schema is read
      }
    }
    return SourceTree.join(fallback, "prisma");
  }

  private static void externals(
      List<String> names, String key, List<String> accepted, List<Unread> unread) {
    for (String name : names) {
      try {
        io.driftwatch.core.catalog.CatalogFilter.of(List.of(name));
        accepted.add(name);
      } catch (IllegalArgumentException e) {
        unread.add(new Unread(key, "`" + name + "` is not a table name driftwatch can match"));
      }
    }
  }

  private static String shadow(ConfigValue value) {
    return value instanceof ConfigValue.FromEnvironment env
        ? "the environment variable "
            + env.variable()
            + " (not read: driftwatch never connects to a"
            + " URL from a repository)"
        : "a URL written in the config (not read: driftwatch never connects to a URL from a"
            + " repository)";
  }

  /**
   * Paths in a config are relative to the config file's folder (.config/ for .config/prisma.ts).
   */
  private static String configFolder(String configPath) {
    return SourceTree.parent(configPath);
  }

  private static String name(String path) {
    int slash = path.lastIndexOf('/');
    return slash < 0 ? path : path.substring(slash + 1);
  }
}
