package io.driftwatch.core.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * An ordinary or partitioned table. Columns keep their ordinal order; constraints and indexes are
 * sorted by name.
 *
 * @param partitionKey for a partitioned table, as {@code pg_get_partkeydef} writes it: {@code RANGE
 *     ("takenAt")}
 * @param partitionOf for a partition, its parent and bound. Partitions are listed as tables of
 *     their own; their inherited constraints and indexes are marked {@code inherited}
 */
public record Table(
    QualifiedName name,
    List<Column> columns,
    Optional<PrimaryKey> primaryKey,
    List<UniqueConstraint> uniqueConstraints,
    List<ForeignKey> foreignKeys,
    List<CheckConstraint> checkConstraints,
    List<ExclusionConstraint> exclusionConstraints,
    List<Index> indexes,
    Optional<String> partitionKey,
    Optional<Partition> partitionOf) {

  public Table {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(primaryKey, "primaryKey");
    Objects.requireNonNull(partitionKey, "partitionKey");
    Objects.requireNonNull(partitionOf, "partitionOf");
    columns = List.copyOf(columns);
    uniqueConstraints = byName(uniqueConstraints, UniqueConstraint::name);
    foreignKeys = byName(foreignKeys, ForeignKey::name);
    checkConstraints = byName(checkConstraints, CheckConstraint::name);
    exclusionConstraints = byName(exclusionConstraints, ExclusionConstraint::name);
    indexes = byName(indexes, Index::name);
  }

  /** A table of these columns and nothing else: no key, constraint, index or partitioning. */
  public static Table of(QualifiedName name, List<Column> columns) {
    return new Table(
        name,
        columns,
        Optional.empty(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        Optional.empty(),
        Optional.empty());
  }

  public Optional<Column> column(String columnName) {
    return columns.stream().filter(column -> column.name().equals(columnName)).findFirst();
  }

  public Optional<Index> index(String indexName) {
    return indexes.stream().filter(index -> index.name().equals(indexName)).findFirst();
  }

  /** Every constraint of the table, sorted by name. */
  public List<Constraint> constraints() {
    List<Constraint> all = new ArrayList<>();
    primaryKey.ifPresent(all::add);
    all.addAll(uniqueConstraints);
    all.addAll(foreignKeys);
    all.addAll(checkConstraints);
    all.addAll(exclusionConstraints);
    all.sort(Comparator.comparing(Constraint::name));
    return List.copyOf(all);
  }

  public Optional<Constraint> constraint(String constraintName) {
    return constraints().stream()
        .filter(constraint -> constraint.name().equals(constraintName))
        .findFirst();
  }

  public boolean partitioned() {
    return partitionKey.isPresent();
  }

  /** This table without the indexes the predicate names (qualified by the table's schema). */
  Table withoutIndexes(Predicate<QualifiedName> ignored) {
    List<Index> kept =
        indexes.stream()
            .filter(index -> !ignored.test(QualifiedName.of(name.schema(), index.name())))
            .toList();
    return kept.size() == indexes.size()
        ? this
        : new Table(
            name,
            columns,
            primaryKey,
            uniqueConstraints,
            foreignKeys,
            checkConstraints,
            exclusionConstraints,
            kept,
            partitionKey,
            partitionOf);
  }

  private static <T> List<T> byName(List<T> items, Function<T, String> name) {
    return List.copyOf(items).stream().sorted(Comparator.comparing(name)).toList();
  }
}
