package io.driftwatch.core.prisma.schema;

import io.driftwatch.core.prisma.schema.SchemaProblem.Code;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the implicit many-to-many relations of a schema, as Prisma's relation inference pairs
 * fields.
 */
final class ImplicitRelations {

  private ImplicitRelations() {}

  static List<ImplicitJoinTable> joinTables(List<PrismaModel> models, Problems problems) {
    Map<String, PrismaModel> byName = new HashMap<>();
    for (PrismaModel model : models) {
      byName.putIfAbsent(model.name(), model);
    }
    Map<String, ImplicitJoinTable> byTable = new LinkedHashMap<>();
    for (PrismaModel model : models) {
      for (PrismaField field : model.fields()) {
        if (field.relation().isEmpty() || !field.isList()) {
          continue;
        }
        PrismaRelation relation = field.relation().get();
        PrismaModel other = byName.get(relation.relatedModel());
        if (other == null) {
          continue; // a view: Prisma creates no table for it
        }
        Optional<PrismaField> opposite = opposite(model, field, other);
        if (opposite.isEmpty() || !opposite.get().isList()) {
          continue;
        }
        PrismaField otherField = opposite.get();
        // each relation is met from both sides; keep the one where this side is A
        if (model.name().compareTo(other.name()) > 0
            || (model == other && field.name().compareTo(otherField.name()) > 0)) {
          continue;
        }
        if (relation.isForward() || otherField.relation().orElseThrow().isForward()) {
          continue; // `fields:` on a list: MongoDB's embedded many-to-many, no table
        }
        String name =
            relation
                .name()
                .orElse(ImplicitJoinTable.generatedRelationName(model.name(), other.name()));
        ImplicitJoinTable table =
            new ImplicitJoinTable(
                name,
                model.schema(),
                model.name(),
                field.name(),
                other.name(),
                otherField.name(),
                field.ignored() || otherField.ignored() || model.ignored() || other.ignored(),
                field.position());
        boolean idA = hasSingleId(model, table, problems);
        boolean idB = model == other || hasSingleId(other, table, problems);
        if (!idA || !idB) {
          continue;
        }
        ImplicitJoinTable first = byTable.putIfAbsent(table.tableName(), table);
        if (first != null) {
          problems.add(
              Code.INVALID_RELATION,
              field.position(),
              "field `"
                  + field.name()
                  + "` of model "
                  + model.name()
                  + " would share the relation table "
                  + first.tableName()
                  + " with field `"
                  + first.fieldA()
                  + "` of model "
                  + first.modelA()
                  + ": Prisma rejects the schema as ambiguous;"
                  + " give each relation its own name with @relation(\"Name\") on both sides");
        }
      }
    }
    return List.copyOf(byTable.values());
  }

  /**
   * The first relation field of {@code other} pointing back at {@code model} under the same
   * relation name.
   */
  private static Optional<PrismaField> opposite(
      PrismaModel model, PrismaField field, PrismaModel other) {
    Optional<String> name = field.relation().orElseThrow().name();
    for (PrismaField candidate : other.fields()) {
      if (candidate.relation().isEmpty()
          || (model == other && candidate.name().equals(field.name()))) {
        continue;
      }
      PrismaRelation relation = candidate.relation().get();
      if (relation.relatedModel().equals(model.name()) && relation.name().equals(name)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  private static boolean hasSingleId(
      PrismaModel model, ImplicitJoinTable table, Problems problems) {
    if (model.primaryKey().map(pk -> pk.fields().size() == 1).orElse(false)) {
      return true;
    }
    problems.add(
        Code.INVALID_RELATION,
        table.position(),
        "the implicit many-to-many relation "
            + table.relationName()
            + " needs model "
            + model.name()
            + " to have a single-field @id, which "
            + table.tableName()
            + " references: Prisma rejects it otherwise; add @id to one field, or make the"
            + " relation explicit with a model for the relation table");
    return false;
  }
}
