package io.driftwatch.core.prisma.schema;

import java.util.Objects;
import java.util.Optional;

/**
 * The table Prisma creates for an implicit many-to-many relation: two list relation fields pointing
 * at each other, neither with {@code fields:}. Reproduces prisma-engines ({@code
 * parser-database/src/relations.rs}, {@code sql_schema_calculator.rs}):
 *
 * <ul>
 *   <li>model A is the model whose Prisma name sorts first (byte order); in a self-relation, field
 *       A is the field whose name sorts first;
 *   <li>the relation name is the {@code @relation("Name")} given, else {@code <A>To<B>} of the two
 *       Prisma model names ({@code @@map} plays no part);
 *   <li>table {@code _<RelationName>} (first 63 characters), columns {@code A} (references model
 *       A's id) and {@code B}, a primary key {@code _X_AB_pkey} on (A, B) — before Prisma 6 a
 *       unique index {@code _X_AB_unique} — an index {@code _X_B_index} on B, and foreign keys
 *       {@code _X_A_fkey}, {@code _X_B_fkey};
 *   <li>the table lives in model A's schema ({@code @@schema}), the default schema without one.
 * </ul>
 *
 * A relation with a view on either side gets no table.
 *
 * @param ignored a side is {@code @ignore}d, or a model {@code @@ignore}d
 * @param position the position of field A
 */
public record ImplicitJoinTable(
    String relationName,
    Optional<String> schema,
    String modelA,
    String fieldA,
    String modelB,
    String fieldB,
    boolean ignored,
    SourcePosition position) {

  public static final String COLUMN_A = "A";
  public static final String COLUMN_B = "B";

  public ImplicitJoinTable {
    Objects.requireNonNull(relationName, "relationName");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(modelA, "modelA");
    Objects.requireNonNull(fieldA, "fieldA");
    Objects.requireNonNull(modelB, "modelB");
    Objects.requireNonNull(fieldB, "fieldB");
    Objects.requireNonNull(position, "position");
  }

  /** Prisma's name for an unnamed relation between two models, e.g. {@code CategoryToPost}. */
  public static String generatedRelationName(String model, String otherModel) {
    return model.compareTo(otherModel) < 0 ? model + "To" + otherModel : otherModel + "To" + model;
  }

  public boolean isSelfRelation() {
    return modelA.equals(modelB);
  }

  /** {@code _<RelationName>}, cut to 63 characters as Prisma does. */
  public String tableName() {
    return PostgresNames.truncate(
        PostgresNames.takeCodePoints("_" + relationName, PostgresNames.MAX_IDENTIFIER_BYTES));
  }

  /** {@code _X_AB_pkey}: what Prisma 6 and later create on PostgreSQL. */
  public String primaryKeyName() {
    return suffixed("_AB_pkey");
  }

  /**
   * {@code _X_AB_unique}: what Prisma before 6 created on PostgreSQL instead of the primary key.
   */
  public String legacyUniqueIndexName() {
    return suffixed("_AB_unique");
  }

  /** {@code _X_B_index}. */
  public String bIndexName() {
    return suffixed("_B_index");
  }

  /** {@code _X_A_fkey}. */
  public String foreignKeyAName() {
    return foreignKey("_A_fkey");
  }

  /** {@code _X_B_fkey}. */
  public String foreignKeyBName() {
    return foreignKey("_B_fkey");
  }

  private String suffixed(String suffix) {
    String table =
        PostgresNames.takeCodePoints("_" + relationName, PostgresNames.MAX_IDENTIFIER_BYTES);
    return PostgresNames.truncate(
        PostgresNames.takeCodePoints(table, PostgresNames.MAX_IDENTIFIER_BYTES - suffix.length())
            + suffix);
  }

  /**
   * Prisma cuts the table name to 56 bytes here (not characters) so the two names never collide.
   */
  private String foreignKey(String suffix) {
    String table =
        PostgresNames.takeCodePoints("_" + relationName, PostgresNames.MAX_IDENTIFIER_BYTES);
    return PostgresNames.truncate(
        PostgresNames.floorBytes(table, PostgresNames.MAX_IDENTIFIER_BYTES - 5 - 2) + suffix);
  }
}
