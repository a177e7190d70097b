package io.driftwatch.core.rules;

import io.driftwatch.core.AuditContext;
import io.driftwatch.core.SourceSnapshot;
import io.driftwatch.core.TargetSnapshot;
import io.driftwatch.core.finding.Finding;
import io.driftwatch.core.finding.FindingType;
import io.driftwatch.core.finding.Severity;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** migration_lock.toml names another provider than the database's: Prisma fails with P3019. */
public final class ProviderMismatchRule implements HistoryRule {

  public static final FindingType TYPE =
      new FindingType(
          "DH002",
          "PROVIDER_MISMATCH",
          Severity.CRITICAL,
          "migration_lock.toml names another database provider than the database's (P3019).");

  @Override
  public FindingType type() {
    return TYPE;
  }

  /** The lock file's provider when it differs from the database's ("postgres" is "postgresql"). */
  public static Optional<String> mismatch(SourceSnapshot source, TargetSnapshot target) {
    return source
        .lockProvider()
        .filter(lock -> !canonical(lock).equals(canonical(target.provider())));
  }

  @Override
  public List<Finding> check(AuditContext context) {
    return mismatch(context.source(), context.target())
        .map(
            lock ->
                List.of(
                    TYPE.at(
                        null,
                        "migration_lock.toml says `provider = \""
                            + lock
                            + "\"` but the database is "
                            + context.target().provider()
                            + ": every `prisma migrate` command fails with P3019.",
                        "Point this environment at the right migrations folder, or, if the project really moved to "
                            + context.target().provider()
                            + ", start a new history (`npx prisma migrate dev --name init"
                            + context.source().paths().projectOption()
                            + "` on a fresh database) and baseline existing databases "
                            + "with `"
                            + context.source().paths().resolveApplied("<timestamp>_init")
                            + "`.")))
        .orElse(List.of());
  }

  private static String canonical(String provider) {
    String lower = provider.trim().toLowerCase(Locale.ROOT);
    return lower.equals("postgres") ? "postgresql" : lower;
  }
}
