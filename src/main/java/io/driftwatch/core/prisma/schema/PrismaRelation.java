package io.driftwatch.core.prisma.schema;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The relation side of a relation field: {@code author User @relation("Posts", fields: [authorId],
 * references: [id], map: "post_author_fk", onDelete: Cascade)}. Present on every relation field,
 * with or without an {@code @relation} attribute.
 *
 * @param name the explicit relation name; Prisma generates one when absent (see {@link
 *     ImplicitJoinTable#generatedRelationName})
 * @param relatedModel the model (or view) the field's type names
 * @param fields the scalar fields of this model holding the foreign key; empty on the back side
 * @param foreignKeyName the {@code map:} argument: the foreign key constraint's database name
 */
public record PrismaRelation(
    Optional<String> name,
    String relatedModel,
    List<String> fields,
    List<String> references,
    Optional<String> foreignKeyName,
    Optional<String> onDelete,
    Optional<String> onUpdate) {

  public PrismaRelation {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(relatedModel, "relatedModel");
    fields = List.copyOf(fields);
    references = List.copyOf(references);
    Objects.requireNonNull(foreignKeyName, "foreignKeyName");
    Objects.requireNonNull(onDelete, "onDelete");
    Objects.requireNonNull(onUpdate, "onUpdate");
  }

  /** This side holds the foreign key ({@code fields:} given). */
  public boolean isForward() {
    return !fields.isEmpty();
  }
}
