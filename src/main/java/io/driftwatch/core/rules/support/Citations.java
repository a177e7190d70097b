package io.driftwatch.core.rules.support;

import io.driftwatch.core.evidence.Evidence;
import io.driftwatch.core.evidence.Evidence.CommitChange;
import io.driftwatch.core.prisma.ProjectPaths;
import java.util.stream.Collectors;

/** How findings quote version control: commits with their subject, author and date. */
public final class Citations {

  private Citations() {}

  /** {@code abc123 "subject" (author, date) +3 −1; …}, newest first, at most five. */
  public static String changes(Evidence evidence) {
    String listed =
        evidence.commits().stream()
            .limit(5)
            .map(Citations::change)
            .collect(Collectors.joining("; "));
    int more = evidence.commits().size() - 5;
    return more > 0 ? listed + " and " + more + " more" : listed;
  }

  private static String change(CommitChange change) {
    String counts =
        change.linesAdded() + change.linesRemoved() == 0
            ? ""
            : " +" + change.linesAdded() + " −" + change.linesRemoved();
    return change.commit().cite() + counts;
  }

  /** The directory in the repository, or where the source keeps it. */
  public static String location(Evidence evidence, String migration, ProjectPaths paths) {
    return evidence.location() != null ? evidence.location() : paths.directory(migration);
  }
}
