package io.driftwatch.core.rules;

import io.driftwatch.core.prisma.Prisma8Migrations;
import io.driftwatch.core.prisma.ProjectPaths;
import io.driftwatch.core.prisma.SourceLayout;
import java.util.List;
import java.util.Optional;

/** Source layouts for the rules that read them. */
final class Layouts {

  private Layouts() {}

  static SourceLayout withPrisma8(Prisma8Migrations prisma8) {
    return with(List.of(), Optional.of(prisma8));
  }

  static SourceLayout withUnread(SourceLayout.Unread... unread) {
    return with(List.of(unread), Optional.empty());
  }

  private static SourceLayout with(
      List<SourceLayout.Unread> unread, Optional<Prisma8Migrations> prisma8) {
    SourceLayout defaults = SourceLayout.defaults(ProjectPaths.DEFAULT);
    return new SourceLayout(
        Optional.of("prisma.config.ts"),
        defaults.schema(),
        defaults.migrations(),
        Optional.empty(),
        List.of(),
        List.of(),
        Optional.empty(),
        7,
        "a test",
        unread,
        prisma8);
  }

  static Prisma8Migrations graph(String... hashes) {
    return new Prisma8Migrations(
        List.of("20261101T1200_init"),
        java.util.Map.of("production", hashes[hashes.length - 1]),
        java.util.Set.of(hashes),
        List.of());
  }
}
