package io.driftwatch.audit.report;

import io.driftwatch.core.prisma.Prisma8Migrations;
import io.driftwatch.core.prisma.SourceLayout;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * How the source's Prisma project was laid out, as stored with the report: where each path came
 * from, so a reader sees why driftwatch read the files it read.
 *
 * @param config the Prisma config read; null without one
 * @param schema where the schema was read, and why there
 * @param migrations where the migrations were read, and why there
 * @param views the views folder the config names; null when it names none
 * @param externalTables the config's {@code tables.external}: left out of drift and coverage
 * @param externalEnums the config's {@code enums.external}: left out of drift and coverage
 * @param shadowDatabase where the config takes the shadow database URL from, in words (never the
 *     URL); null when it does not say
 * @param prisma the Prisma version the commands are written for, and what told it
 * @param unread the config's keys that could not be read statically
 * @param prisma8 the migrations folder's Prisma 8 part; null without one
 */
public record LayoutReport(
    String config,
    Place schema,
    Place migrations,
    String views,
    List<String> externalTables,
    List<String> externalEnums,
    String shadowDatabase,
    PrismaVersion prisma,
    List<UnreadKey> unread,
    Prisma8Folder prisma8) {

  /** A path, and why it was read there. */
  @Schema(name = "LayoutPlace")
  public record Place(String path, String from) {}

  /** The Prisma major version assumed, and what it was told by. */
  @Schema(name = "LayoutPrismaVersion")
  public record PrismaVersion(int major, String basis) {}

  /** A config key driftwatch could not read without running the file. */
  @Schema(name = "LayoutUnreadKey")
  public record UnreadKey(String key, String reason) {}

  /**
   * A Prisma 8 migrations folder: its migrations, its refs' contract hashes, and what was not
   * understood.
   */
  @Schema(name = "LayoutPrisma8Folder")
  public record Prisma8Folder(
      List<String> migrations, Map<String, String> refs, List<String> notUnderstood) {}

  public static LayoutReport of(SourceLayout layout) {
    return new LayoutReport(
        layout.config().orElse(null),
        new Place(layout.schema().path(), layout.schema().from()),
        new Place(layout.migrations().path(), layout.migrations().from()),
        layout.views().orElse(null),
        layout.externalTables(),
        layout.externalEnums(),
        layout.shadowDatabase().orElse(null),
        new PrismaVersion(layout.prismaMajor(), layout.prismaVersionBasis()),
        layout.unread().stream().map(u -> new UnreadKey(u.key(), u.reason())).toList(),
        layout.prisma8().map(LayoutReport::folder).orElse(null));
  }

  private static Prisma8Folder folder(Prisma8Migrations prisma8) {
    return new Prisma8Folder(prisma8.migrations(), prisma8.refs(), prisma8.notUnderstood());
  }
}
