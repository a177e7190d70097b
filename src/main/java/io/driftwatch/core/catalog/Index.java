package io.driftwatch.core.catalog;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An index of a table.
 *
 * @param primary whether it backs the primary key
 * @param constraintBacked whether a constraint (primary key, unique, exclusion) owns it: such an
 *     index is created and dropped with its constraint, so a diff reports the constraint, not the
 *     index
 * @param method the access method: {@code btree}, {@code gin}, {@code gist}, {@code hash}, {@code
 *     brin}...
 * @param includedColumns the {@code INCLUDE (...)} columns
 * @param predicate the {@code WHERE} of a partial index, as {@code pg_get_expr} writes it
 * @param definition the whole statement as {@code pg_get_indexdef} writes it with an empty search
 *     path: {@code CREATE UNIQUE INDEX "User_email_key" ON public."User" USING btree (email)}
 * @param valid false for an index a failed {@code CREATE INDEX CONCURRENTLY} left behind
 * @param inherited whether it is a partition's share of its partitioned table's index
 */
public record Index(
    String name,
    boolean unique,
    boolean primary,
    boolean constraintBacked,
    String method,
    List<IndexKey> keys,
    List<String> includedColumns,
    Optional<String> predicate,
    String definition,
    boolean valid,
    boolean inherited) {

  public Index {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(predicate, "predicate");
    Objects.requireNonNull(definition, "definition");
    keys = List.copyOf(keys);
    includedColumns = List.copyOf(includedColumns);
  }
}
