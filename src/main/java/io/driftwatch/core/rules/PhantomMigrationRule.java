package io.driftwatch.core.rules;

import io.driftwatch.core.AuditContext;
import io.driftwatch.core.evidence.Evidence;
import io.driftwatch.core.evidence.Evidence.Kind;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import io.driftwatch.core.history.MigrationRecord;
import io.driftwatch.core.history.MigrationState;
import io.driftwatch.core.prisma.PrismaDiagnosis.Diagnostic;
import io.driftwatch.core.prisma.ProjectPaths;
import io.driftwatch.core.rules.support.Citations;
import java.util.List;
import java.util.Optional;

/**
 * Applied in the database, absent from the folder: applied by hand or from a branch that was never
 * merged. {@code prisma migrate status} says "Database schema is up to date!" all the same. With a
 * git source, version control says where it went: deleted or renamed by a commit, only on another
 * branch, or never committed at all.
 */
public final class PhantomMigrationRule implements HistoryRule {

  public static final FindingType TYPE =
      new FindingType(
          "HI002",
          "PHANTOM_MIGRATION",
          Severity.ERROR,
          "The database recorded a migration that the migrations folder does not have.");

  @Override
  public FindingType type() {
    return TYPE;
  }

  @Override
  public List<Finding> check(AuditContext context) {
    return context.history().inState(MigrationState.PHANTOM).stream()
        .map(record -> finding(record, evidence(context, record.name()), context))
        .toList();
  }

  /**
   * {@code prisma migrate status} lists the database-only migrations when the histories diverge,
   * not otherwise.
   */
  private static boolean listedByPrismaStatus(AuditContext context, String name) {
    return context
            .prisma()
            .history()
            .filter(diagnostic -> diagnostic == Diagnostic.HISTORIES_DIVERGE)
            .isPresent()
        && context.prisma().unpersistedMigrationNames().contains(name);
  }

  private static Optional<Evidence> evidence(AuditContext context, String name) {
    Optional<Evidence> fromGit = context.evidence().phantom(name);
    if (fromGit.isPresent() && fromGit.get().kind() != Kind.NEVER_COMMITTED) {
      return fromGit;
    }
    Optional<Evidence> renamed = probableRename(context, name);
    return renamed.isPresent() ? renamed : fromGit;
  }

  /**
   * Another folder migration with the same name after its timestamp: renamed after it was applied.
   */
  private static Optional<Evidence> probableRename(AuditContext context, String name) {
    int slugStart = slugStart(name);
    if (slugStart < 0) {
      return Optional.empty();
    }
    String slug = name.substring(slugStart);
    for (String other : context.history().folderOrder()) {
      if (!other.equals(name)
          && other.endsWith(slug)
          && slugStart(other) == other.length() - slug.length()) {
        return Optional.of(new Evidence(Kind.PROBABLE_RENAME, List.of(), List.of(), other, null));
      }
    }
    return Optional.empty();
  }

  /** Where the name after a {@code <digits>_} timestamp starts, or -1 for names without one. */
  static int slugStart(String name) {
    int underscore = name.indexOf('_');
    if (underscore <= 0 || underscore == name.length() - 1) {
      return -1;
    }
    for (int i = 0; i < underscore; i++) {
      if (!Character.isDigit(name.charAt(i))) {
        return -1;
      }
    }
    return underscore + 1;
  }

  private static Finding finding(
      MigrationRecord record, Optional<Evidence> evidence, AuditContext context) {
    ProjectPaths paths = context.source().paths();
    String name = record.name();
    boolean applied = record.appliedRow().isPresent();
    String recorded =
        record
            .appliedRow()
            .map(row -> "applied at " + row.finishedAt())
            .orElse(record.unfinishedRows().isEmpty() ? "rolled back" : "failed");
    String message =
        "`"
            + name
            + "` is recorded in _prisma_migrations ("
            + recorded
            + ") but there is no directory "
            + paths.directory(name)
            + ". "
            + (listedByPrismaStatus(context, name)
                ? "`prisma migrate status` lists it among the migrations from the database not found locally."
                : "`prisma migrate status` does not warn about it (it reports \"Database schema is up to date!\").");
    String help =
        "Find the script in version control (`"
            + paths.gitHistoryOf(name)
            + "`) and restore it as `"
            + paths.script(name)
            + "` under exactly this name; if it was run by hand, recover its SQL "
            + "and commit it under this name so every environment can replay it.";
    if (evidence.isPresent()) {
      Evidence found = evidence.get();
      String location = Citations.location(found, name, paths);
      switch (found.kind()) {
        case DELETED -> {
          message += " Commit " + found.commit().cite() + " deleted it.";
          help =
              "Restore it from the parent of that commit: `git checkout "
                  + found.commit().shortSha()
                  + "^ -- "
                  + location
                  + "`, then commit it.";
        }
        case RENAMED -> {
          message +=
              " Commit "
                  + found.commit().cite()
                  + " renamed it to `"
                  + found.relatedMigration()
                  + "`.";
          help =
              "The database knows it as `"
                  + name
                  + "`: rename the directory back (`git mv "
                  + location.substring(0, location.length() - name.length())
                  + found.relatedMigration()
                  + " "
                  + location
                  + "`), or every environment that applied it sees a phantom and a pending migration.";
        }
        case PROBABLE_RENAME -> {
          message +=
              " The folder has `"
                  + found.relatedMigration()
                  + "` with the same name after the timestamp: probably the same migration, renamed after it was applied.";
          help =
              "If they are the same migration, rename `"
                  + found.relatedMigration()
                  + "` back to `"
                  + name
                  + "`; if not, restore `"
                  + paths.script(name)
                  + "` from version control.";
        }
        case ONLY_ON_BRANCH -> {
          message +=
              " It is not in the audited history, only on "
                  + String.join(", ", found.branches())
                  + ": unmerged work was deployed to this database.";
          help =
              "Merge "
                  + found.branches().get(0)
                  + " (or cherry-pick `"
                  + location
                  + "` from it) so the folder "
                  + "has the migration the database already applied.";
        }
        case NEVER_COMMITTED -> {
          message += " No branch of the repository has ever had it: someone ran it by hand.";
          help =
              "Ask who applied it for its SQL, commit it as `"
                  + location
                  + "/migration.sql` under exactly this "
                  + "name, and check its effect is in the schema (`npx prisma migrate diff`).";
        }
        default -> {}
      }
    }
    return TYPE.at(
        name, applied ? TYPE.severity() : Severity.WARNING, message, help, evidence.orElse(null));
  }
}
