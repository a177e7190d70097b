package io.driftwatch.core.prisma;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a source's Prisma project was laid out, and where each path came from: what the report shows
 * as {@code source.layout}, so a reader sees why driftwatch read the files it read.
 *
 * @param config the Prisma config file read (relative to the repository's root, or to the source
 *     folder for a local one); empty without one
 * @param schema where the schema was read, and why there
 * @param migrations where the migrations were read, and why there
 * @param views the views folder the config names, when it does
 * @param externalTables tables the config says Prisma does not manage ({@code tables.external}):
 *     left out of drift and coverage
 * @param externalEnums enums the config says Prisma does not manage ({@code enums.external})
 * @param shadowDatabase where the config takes the shadow database URL from, in words (never the
 *     URL: driftwatch never connects to a URL read from a repository)
 * @param prismaMajor the Prisma major version assumed: 6 or 7 (8 is told by its layout)
 * @param prismaVersionBasis what the version was told by
 * @param unread the config's keys that could not be read statically, with why
 * @param prisma8 the migrations folder's Prisma 8 layout, when it has one
 */
public record SourceLayout(
    Optional<String> config,
    Located schema,
    Located migrations,
    Optional<String> views,
    List<String> externalTables,
    List<String> externalEnums,
    Optional<String> shadowDatabase,
    int prismaMajor,
    String prismaVersionBasis,
    List<Unread> unread,
    Optional<Prisma8Migrations> prisma8) {

  /** A path and the reason it was read there. */
  public record Located(String path, String from) {
    public Located {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(from, "from");
    }
  }

  /** A config key that could not be read statically, and what was found instead. */
  public record Unread(String key, String reason) {}

  public static final String DEFAULT_ORIGIN = "Prisma's default";

  /** Prisma 6's defaults, nothing read besides: what tests and older snapshots mean. */
  public static SourceLayout defaults(ProjectPaths paths) {
    return new SourceLayout(
        Optional.empty(),
        new Located(paths.schema(), DEFAULT_ORIGIN),
        new Located(paths.migrations(), DEFAULT_ORIGIN),
        Optional.empty(),
        List.of(),
        List.of(),
        Optional.empty(),
        6,
        "assumed: the source names no version",
        List.of(),
        Optional.empty());
  }

  public SourceLayout {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(migrations, "migrations");
    Objects.requireNonNull(views, "views");
    externalTables = List.copyOf(externalTables);
    externalEnums = List.copyOf(externalEnums);
    Objects.requireNonNull(shadowDatabase, "shadowDatabase");
    Objects.requireNonNull(prismaVersionBasis, "prismaVersionBasis");
    unread = List.copyOf(unread);
    Objects.requireNonNull(prisma8, "prisma8");
  }

  /** The ignore globs the config adds: its external tables and enums. */
  public List<String> externalObjects() {
    return java.util.stream.Stream.concat(externalTables.stream(), externalEnums.stream()).toList();
  }
}
