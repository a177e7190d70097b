package io.driftwatch.core.prisma;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the Prisma project of a source lives in its repository, so that the commands and paths
 * findings and plans give can be pasted as they are: {@code packages/prisma/migrations/...}, and
 * the option that finds the project when it is not where Prisma looks by default: {@code --config}
 * for a project with a {@code prisma.config.ts} away from the root, {@code --schema} for one
 * without a config whose schema is not at {@code prisma/schema.prisma}. Commands are run from the
 * repository's root.
 *
 * @param migrations the migrations folder, relative to the repository's root, without a trailing
 *     slash
 * @param schema the schema file (or folder), relative to the repository's root
 * @param config the Prisma config file, relative to the repository's root; empty without one
 * @param prismaMajor the Prisma major version the commands are written for: 6 or 7 (7 reads the
 *     database URL and the shadow database from the config, and its {@code migrate diff} takes
 *     {@code --to-schema} and {@code --to-config-datasource})
 */
public record ProjectPaths(
    String migrations, String schema, Optional<String> config, int prismaMajor) {

  /**
   * Where {@code prisma init} puts them, and where the Prisma CLI looks without {@code --schema}.
   */
  public static final ProjectPaths DEFAULT =
      new ProjectPaths("prisma/migrations", "prisma/schema.prisma");

  /** Where Prisma looks for its config without {@code --config}: the working directory. */
  public static final List<String> DEFAULT_CONFIGS =
      List.of(
          "prisma.config.ts",
          "prisma.config.mts",
          "prisma.config.cts",
          "prisma.config.js",
          "prisma.config.mjs",
          "prisma.config.cjs",
          ".config/prisma.ts",
          ".config/prisma.mts",
          ".config/prisma.cts",
          ".config/prisma.js",
          ".config/prisma.mjs",
          ".config/prisma.cjs");

  public ProjectPaths {
    Objects.requireNonNull(migrations, "migrations");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(config, "config");
  }

  /** A Prisma 6 project without a config. */
  public ProjectPaths(String migrations, String schema) {
    this(migrations, schema, Optional.empty(), 6);
  }

  /** {@code <migrations>/<name>}. */
  public String directory(String migration) {
    return migrations + "/" + migration;
  }

  /** {@code <migrations>/<name>/migration.sql}. */
  public String script(String migration) {
    return directory(migration) + "/migration.sql";
  }

  /**
   * The option the Prisma CLI needs to find the project from the repository's root: {@code --config
   * <path>} for a config Prisma would not find by itself, nothing for one it finds (the config
   * names the schema), else {@code --schema <path>} when the schema is not at the default.
   */
  public String projectOption() {
    if (config.isPresent()) {
      return DEFAULT_CONFIGS.contains(config.get()) ? "" : " --config " + config.get();
    }
    return schema.equals(DEFAULT.schema) ? "" : " --schema " + schema;
  }

  /** Whether the commands are Prisma 7's (the datasource comes from the config). */
  public boolean prisma7() {
    return prismaMajor >= 7;
  }

  /**
   * {@code npx prisma migrate diff --from-empty --to-schema-datamodel <schema> --script} (Prisma 7:
   * {@code --to-schema}): the SQL that creates the whole schema.
   */
  public String diffFromEmpty() {
    return "npx prisma migrate diff --from-empty "
        + (prisma7() ? "--to-schema " : "--to-schema-datamodel ")
        + schema
        + configOption()
        + " --script";
  }

  /**
   * {@code npx prisma migrate diff} from the migrations folder to the live database, the shadow
   * database given as Prisma 6 takes it (Prisma 7 reads both from the config).
   */
  public String diffMigrationsToDatabase() {
    return "npx prisma migrate diff --from-migrations "
        + migrations
        + (prisma7()
            ? " --to-config-datasource" + configOption()
            : " --to-schema-datasource "
                + schema
                + " --shadow-database-url \"$SHADOW_DATABASE_URL\"")
        + " --script";
  }

  /** {@code --config <path>} when Prisma would not find the config; nothing otherwise. */
  private String configOption() {
    return config
        .filter(path -> !DEFAULT_CONFIGS.contains(path))
        .map(p -> " --config " + p)
        .orElse("");
  }

  /** {@code npx prisma migrate deploy}, with {@code --config} or {@code --schema} when needed. */
  public String deploy() {
    return "npx prisma migrate deploy" + projectOption();
  }

  /** {@code npx prisma migrate status}, with {@code --config} or {@code --schema} when needed. */
  public String status() {
    return "npx prisma migrate status" + projectOption();
  }

  /**
   * {@code npx prisma migrate dev --create-only --name <name>}: a new migration, written but not
   * applied.
   */
  public String createOnly(String name) {
    return "npx prisma migrate dev --create-only --name " + name + projectOption();
  }

  /** {@code npx prisma validate}, with {@code --config} or {@code --schema} when needed. */
  public String validate() {
    return "npx prisma validate" + projectOption();
  }

  public String resolveApplied(String migration) {
    return "npx prisma migrate resolve --applied " + migration + projectOption();
  }

  public String resolveRolledBack(String migration) {
    return "npx prisma migrate resolve --rolled-back " + migration + projectOption();
  }

  /** The commits that touched a migration's folder. */
  public String gitHistoryOf(String migration) {
    return "git log --all --oneline -- '" + directory(migration) + "/'";
  }
}
