package io.driftwatch.core.coverage;

import java.util.Objects;
import java.util.Optional;

/**
 * One thing the Prisma schema makes the database hold, and whether a migration creates it.
 *
 * @param prismaName as the schema names it: {@code User}, {@code User.email}, {@code Role}, {@code
 *     Role.ADMIN}, the relation name of a join table ({@code CategoryToPost})
 * @param databaseName as PostgreSQL stores it: {@code public.users}, {@code
 *     public.users.email_address}, {@code public.Role}, {@code public.Role 'admin'}, {@code
 *     public._CategoryToPost}
 * @param createdByMigration present in the catalog built by replaying the applied migrations
 * @param live present in the live database; {@code false} as well when the live database was not
 *     read (see {@link CoverageReport#liveRead()})
 * @param help the fix, for what no migration creates; empty when COVERED
 */
public record CoverageItem(
    Kind kind,
    String prismaName,
    String databaseName,
    CoverageStatus status,
    boolean createdByMigration,
    boolean live,
    Optional<String> help) {

  public enum Kind {
    /** A {@code model} block: its table. */
    MODEL(true),
    /**
     * A {@code view} block: Migrate generates nothing for it, a hand-written migration must create
     * it.
     */
    VIEW(true),
    /**
     * A scalar field of a model: its column. View fields are not checked: the catalog holds no view
     * columns.
     */
    FIELD(true),
    /** An {@code enum} block: its type. Not counted in the ratio, its values are. */
    ENUM(false),
    /** A value of an enum: its label. */
    ENUM_VALUE(true),
    /** The table of an implicit many-to-many relation, with its columns A and B. */
    JOIN_TABLE(true);

    private final boolean counted;

    Kind(boolean counted) {
      this.counted = counted;
    }

    /** Whether items of this kind count in {@link CoverageSummary#ratio()}. */
    public boolean counted() {
      return counted;
    }
  }

  public CoverageItem {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(prismaName, "prismaName");
    Objects.requireNonNull(databaseName, "databaseName");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(help, "help");
    if (status.createdByMigration() != createdByMigration) {
      throw new IllegalArgumentException(status + " with createdByMigration=" + createdByMigration);
    }
    if (status == CoverageStatus.LIVE_ONLY && !live
        || status == CoverageStatus.MISSING && live
        || status == CoverageStatus.UNCOVERED && live) {
      throw new IllegalArgumentException(status + " with live=" + live);
    }
  }
}
