package io.driftwatch.core.prisma.schema;

import java.util.Objects;

/** Where something sits in a schema file: 1-based line and column (column counts UTF-16 units). */
public record SourcePosition(String file, int line, int column) {

  public SourcePosition {
    Objects.requireNonNull(file, "file");
  }

  @Override
  public String toString() {
    return file + ":" + line + ":" + column;
  }
}
