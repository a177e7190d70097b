package io.driftwatch.core.catalog;

import java.util.Objects;
import java.util.Optional;

/**
 * A sequence that is not an identity column's own. A {@code SERIAL} column's sequence is one of
 * these, owned by the column.
 *
 * @param dataType {@code smallint}, {@code integer} or {@code bigint}
 */
public record Sequence(
    QualifiedName name, String dataType, long start, long increment, Optional<ColumnRef> ownedBy) {

  public Sequence {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(dataType, "dataType");
    Objects.requireNonNull(ownedBy, "ownedBy");
  }
}
