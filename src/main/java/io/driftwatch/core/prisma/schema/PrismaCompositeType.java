package io.driftwatch.core.prisma.schema;

import java.util.Objects;

/**
 * A composite {@code type} block (MongoDB). Read so that fields typed with it resolve; nothing else
 * is kept.
 */
public record PrismaCompositeType(String name, SourcePosition position) {

  public PrismaCompositeType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(position, "position");
  }
}
