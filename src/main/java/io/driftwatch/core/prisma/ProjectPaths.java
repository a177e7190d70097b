package io.driftwatch.core.prisma;

import java.util.Objects;

/**
 * Where the Prisma project of a source lives in its repository, so that the commands and paths
 * findings and plans give can be pasted as they are: {@code packages/prisma/migrations/...}, and
 * {@code --schema} when the schema is not where Prisma looks by default ({@code
 * prisma/schema.prisma}).
 *
 * @param migrations the migrations folder, relative to the repository's root, without a trailing
 *     slash
 * @param schema the schema file (or folder), relative to the repository's root
 */
public record ProjectPaths(String migrations, String schema) {

  /**
   * Where {@code prisma init} puts them, and where the Prisma CLI looks without {@code --schema}.
   */
  public static final ProjectPaths DEFAULT =
      new ProjectPaths("prisma/migrations", "prisma/schema.prisma");

  public ProjectPaths {
    Objects.requireNonNull(migrations, "migrations");
    Objects.requireNonNull(schema, "schema");
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
   * The option the Prisma CLI needs to find the schema: {@code --schema <path>}, or nothing at the
   * default.
   */
  public String schemaOption() {
    return schema.equals(DEFAULT.schema) ? "" : " --schema " + schema;
  }

  /** {@code npx prisma migrate deploy}, with {@code --schema} when needed. */
  public String deploy() {
    return "npx prisma migrate deploy" + schemaOption();
  }

  /** {@code npx prisma migrate status}, with {@code --schema} when needed. */
  public String status() {
    return "npx prisma migrate status" + schemaOption();
  }

  /**
   * {@code npx prisma migrate dev --create-only --name <name>}: a new migration, written but not
   * applied.
   */
  public String createOnly(String name) {
    return "npx prisma migrate dev --create-only --name " + name + schemaOption();
  }

  /** {@code npx prisma validate}, with {@code --schema} when needed. */
  public String validate() {
    return "npx prisma validate" + schemaOption();
  }

  public String resolveApplied(String migration) {
    return "npx prisma migrate resolve --applied " + migration + schemaOption();
  }

  public String resolveRolledBack(String migration) {
    return "npx prisma migrate resolve --rolled-back " + migration + schemaOption();
  }

  /** The commits that touched a migration's folder. */
  public String gitHistoryOf(String migration) {
    return "git log --all --oneline -- '" + directory(migration) + "/'";
  }
}
