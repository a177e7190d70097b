package io.driftwatch.core.catalog;

import java.util.Objects;

/**
 * A trigger of a table or view ({@code pg_trigger}), not one PostgreSQL makes for itself (a foreign
 * key's, a partition's copy of its parent's).
 *
 * @param table the table or view it fires on
 * @param definition the {@code CREATE TRIGGER} statement as {@code pg_get_triggerdef} writes it
 *     with an empty search path (names qualified), without a semicolon
 * @param firing when it fires ({@code ALTER TABLE ... ENABLE / DISABLE TRIGGER})
 */
public record Trigger(QualifiedName table, String name, String definition, TriggerFiring firing) {

  public Trigger {
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(definition, "definition");
    Objects.requireNonNull(firing, "firing");
  }
}
