package io.driftwatch.core.drift;

import io.driftwatch.core.catalog.QualifiedName;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One difference between the schema the migrations build (expected) and the database (live).
 *
 * @param object the table, enum or view concerned
 * @param member the column, index, constraint or enum value within it; null for the object itself
 * @param description what differs, for a person: {@code column "Post"."title": type text ->
 *     character varying(200)}
 * @param liveSteps the SQL that turns the expected state into the live one (for a catch-up
 *     migration)
 * @param restoreSteps the SQL that turns the live state back into the expected one
 */
public record Drift(
    DriftKind kind,
    QualifiedName object,
    String member,
    String description,
    List<Step> liveSteps,
    List<Step> restoreSteps) {

  public Drift {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(description, "description");
    liveSteps = List.copyOf(liveSteps);
    restoreSteps = List.copyOf(restoreSteps);
  }

  /**
   * The SQL that reproduces the live state from the expected one, statements on their own lines.
   */
  public String liveDdl() {
    return liveSteps.stream().map(Step::sql).collect(Collectors.joining("\n"));
  }

  /** The SQL that brings the database back to the expected state, statements on their own lines. */
  public String restoreSql() {
    return restoreSteps.stream().map(Step::sql).collect(Collectors.joining("\n"));
  }
}
