package io.driftwatch.core.catalog;

import java.util.List;
import java.util.Objects;

/**
 * A view or materialized view.
 *
 * @param definition the query as {@code pg_get_viewdef} writes it with an empty search path (names
 *     qualified), without the trailing semicolon
 * @param dependsOn the tables and views the query reads, by name
 */
public record View(
    QualifiedName name, boolean materialized, String definition, List<QualifiedName> dependsOn) {

  public View {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(definition, "definition");
    dependsOn = dependsOn.stream().distinct().sorted().toList();
  }
}
