package io.driftwatch.core.prisma;

import io.driftwatch.core.prisma.PrismaDiagnosis.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * What {@code prisma migrate status} prints and its exit code, case by case in the CLI's order:
 * provider check, unreadable script, pending, diverged, not managed, failed, else "up to date" with
 * exit 0 (also when phantoms or edited migrations exist: that is the point of showing both views).
 */
public record PrismaStatus(int exitCode, String output) {

  /**
   * The first line Prisma prints about the datasource, e.g. {@code PostgreSQL database "app",
   * schema "public" at "db:5432"}; MySQL's names no schema: {@code MySQL database "app" at
   * "db:3306"}.
   *
   * @param schema on MySQL the database itself, which Prisma does not print twice
   */
  public record DatasourceLine(
      String providerLabel, String database, String schema, String hostAndPort) {
    String line() {
      return providerLabel.equals("MySQL")
          ? "Datasource \"db\": %s database \"%s\" at \"%s\""
              .formatted(providerLabel, database, hostAndPort)
          : "Datasource \"db\": %s database \"%s\", schema \"%s\" at \"%s\""
              .formatted(providerLabel, database, schema, hostAndPort);
    }
  }

  public static PrismaStatus of(
      PrismaDiagnosis diagnosis,
      int folderMigrationCount,
      Optional<String> providerMismatch,
      String databaseProvider,
      DatasourceLine datasource,
      ProjectPaths paths) {
    StringBuilder out = new StringBuilder();
    out.append("Prisma schema loaded from ").append(paths.schema()).append("\n");
    out.append(datasource.line()).append("\n\n");

    if (providerMismatch.isPresent()) {
      out.append("Error: P3019\n\nThe datasource provider `")
          .append(databaseProvider)
          .append(
              "` specified in your schema does not match the one specified in the migration_lock.toml, `")
          .append(providerMismatch.get())
          .append(
              "`. Please remove your current migration directory and start a new migration history with prisma migrate dev. Read more: https://pris.ly/d/migrate-provider-switch\n");
      return new PrismaStatus(1, out.toString());
    }
    if (diagnosis.missingScript().isPresent()) {
      out.append("Error: P3015\n\nCould not find the migration file at ")
          .append(paths.script(diagnosis.missingScript().get()))
          .append(". Please delete the directory or restore the migration file.\n");
      return new PrismaStatus(1, out.toString());
    }

    if (folderMigrationCount > 0) {
      out.append(folderMigrationCount)
          .append(folderMigrationCount > 1 ? " migrations" : " migration")
          .append(" found in ")
          .append(paths.migrations())
          .append("\n");
    } else {
      out.append("No migration found in ").append(paths.migrations()).append("\n");
    }

    Optional<Diagnostic> history = diagnosis.history();
    if (history.isPresent() && history.get() == Diagnostic.DATABASE_IS_BEHIND) {
      List<String> unapplied = diagnosis.unappliedMigrationNames();
      out.append("Following migration")
          .append(plural(unapplied))
          .append(" have not yet been applied:\n");
      lines(out, unapplied);
      out.append("\nTo apply migrations in development run prisma migrate dev.\n");
      out.append("To apply migrations in production run prisma migrate deploy.\n");
      return new PrismaStatus(1, out.toString());
    }
    if (history.isPresent() && history.get() == Diagnostic.HISTORIES_DIVERGE) {
      out.append(
          "Your local migration history and the migrations table from your database are different:\n\n");
      out.append("The last common migration is: ")
          .append(diagnosis.lastCommonMigrationName().orElse("null"))
          .append("\n\n");
      out.append("The migration")
          .append(plural(diagnosis.unappliedMigrationNames()))
          .append(" have not yet been applied:\n");
      lines(out, diagnosis.unappliedMigrationNames());
      out.append("\nThe migration")
          .append(plural(diagnosis.unpersistedMigrationNames()))
          .append(" from the database are not found locally in ")
          .append(paths.migrations())
          .append(":\n");
      lines(out, diagnosis.unpersistedMigrationNames());
      return new PrismaStatus(1, out.toString());
    }
    if (!diagnosis.hasMigrationsTable() && folderMigrationCount == 0) {
      out.append("The current database is not managed by Prisma Migrate.\n\n");
      out.append("Read more about how to baseline an existing production database:\n");
      out.append("https://pris.ly/d/migrate-baseline\n");
      return new PrismaStatus(1, out.toString());
    }
    List<String> failed = diagnosis.failedMigrationNames();
    if (!failed.isEmpty()) {
      out.append("Following migration").append(plural(failed)).append(" have failed:\n");
      lines(out, failed);
      out.append(
          "\nDuring development if the failed migration(s) have not been deployed to a production database you can then fix the migration(s) and run prisma migrate dev.\n\n");
      out.append("The failed migration(s) can be marked as rolled back or applied:\n\n");
      out.append("- If you rolled back the migration(s) manually:\n");
      out.append("prisma migrate resolve --rolled-back \"").append(failed.get(0)).append("\"\n\n");
      out.append("- If you fixed the database manually (hotfix):\n");
      out.append("prisma migrate resolve --applied \"").append(failed.get(0)).append("\"\n\n");
      out.append("Read more about how to resolve migration issues in a production database:\n");
      out.append("https://pris.ly/d/migrate-resolve\n");
      return new PrismaStatus(1, out.toString());
    }
    out.append("\nDatabase schema is up to date!\n");
    return new PrismaStatus(0, out.toString());
  }

  private static String plural(List<String> names) {
    return names.size() > 1 ? "s" : "";
  }

  private static void lines(StringBuilder out, List<String> names) {
    for (String name : names) {
      out.append(name).append('\n');
    }
  }
}
