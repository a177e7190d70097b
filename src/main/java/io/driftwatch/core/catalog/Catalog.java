package io.driftwatch.core.catalog;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * What one introspection found in the schemas it was asked for. Lists are sorted by name, so two
 * introspections of equal schemas are {@code equals}.
 *
 * @param serverMajorVersion the server's major version, e.g. 15
 * @param schemas the requested schemas that exist, sorted
 * @param extensions every extension installed outside {@code pg_catalog}, whatever its schema: an
 *     extension is a database-wide object
 * @param routines the user's functions and procedures, sorted by signature
 * @param triggers the user's triggers, sorted by table then name
 * @param unreadable what the reader could not model and left out, sorted by object then member
 */
public record Catalog(
    int serverMajorVersion,
    List<String> schemas,
    List<Table> tables,
    List<EnumType> enums,
    List<View> views,
    List<Sequence> sequences,
    List<Extension> extensions,
    List<Routine> routines,
    List<Trigger> triggers,
    List<UnreadableObject> unreadable) {

  private static final Comparator<Trigger> TRIGGER_ORDER =
      Comparator.comparing(Trigger::table).thenComparing(Trigger::name);
  private static final Comparator<UnreadableObject> UNREADABLE_ORDER =
      Comparator.comparing(UnreadableObject::object)
          .thenComparing(UnreadableObject::member, Comparator.nullsFirst(Comparator.naturalOrder()))
          .thenComparing(UnreadableObject::reason);

  public Catalog {
    schemas = List.copyOf(schemas).stream().sorted().distinct().toList();
    tables = List.copyOf(tables).stream().sorted(Comparator.comparing(Table::name)).toList();
    enums = List.copyOf(enums).stream().sorted(Comparator.comparing(EnumType::name)).toList();
    views = List.copyOf(views).stream().sorted(Comparator.comparing(View::name)).toList();
    sequences =
        List.copyOf(sequences).stream().sorted(Comparator.comparing(Sequence::name)).toList();
    extensions =
        List.copyOf(extensions).stream().sorted(Comparator.comparing(Extension::name)).toList();
    // Catalogs stored before routines, triggers and unreadable objects were read have none.
    routines =
        routines == null
            ? List.of()
            : List.copyOf(routines).stream()
                .sorted(Comparator.comparing(Routine::signature))
                .toList();
    triggers =
        triggers == null
            ? List.of()
            : List.copyOf(triggers).stream().sorted(TRIGGER_ORDER).toList();
    unreadable =
        unreadable == null
            ? List.of()
            : List.copyOf(unreadable).stream().sorted(UNREADABLE_ORDER).toList();
  }

  /**
   * A catalog of tables, enums, views, sequences and extensions only: no routine, trigger or
   * unreadable object.
   */
  public Catalog(
      int serverMajorVersion,
      List<String> schemas,
      List<Table> tables,
      List<EnumType> enums,
      List<View> views,
      List<Sequence> sequences,
      List<Extension> extensions) {
    this(
        serverMajorVersion,
        schemas,
        tables,
        enums,
        views,
        sequences,
        extensions,
        List.of(),
        List.of(),
        List.of());
  }

  public Optional<Table> table(QualifiedName name) {
    return tables.stream().filter(table -> table.name().equals(name)).findFirst();
  }

  public Optional<EnumType> enumType(QualifiedName name) {
    return enums.stream().filter(type -> type.name().equals(name)).findFirst();
  }

  public Optional<View> view(QualifiedName name) {
    return views.stream().filter(view -> view.name().equals(name)).findFirst();
  }

  public Optional<Sequence> sequence(QualifiedName name) {
    return sequences.stream().filter(sequence -> sequence.name().equals(name)).findFirst();
  }

  public Optional<Extension> extension(String name) {
    return extensions.stream().filter(extension -> extension.name().equals(name)).findFirst();
  }

  /**
   * This catalog narrowed to these schemas: their objects, and the extensions, which are
   * database-wide.
   */
  public Catalog only(Set<String> kept) {
    Objects.requireNonNull(kept, "kept");
    Catalog narrowed = without(name -> !kept.contains(name.schema()));
    return new Catalog(
        serverMajorVersion,
        schemas.stream().filter(kept::contains).toList(),
        narrowed.tables(),
        narrowed.enums(),
        narrowed.views(),
        narrowed.sequences(),
        extensions,
        narrowed.routines(),
        narrowed.triggers(),
        narrowed.unreadable());
  }

  /**
   * This catalog without the objects the predicate names: tables, views, enums, sequences (also
   * those owned by a left-out table), indexes and triggers (named in their table's schema),
   * routines (by name, without arguments) and unreadable objects. Constraints, columns and triggers
   * go with their table; extensions are database-wide and stay.
   */
  public Catalog without(Predicate<QualifiedName> ignored) {
    Objects.requireNonNull(ignored, "ignored");
    List<Table> keptTables =
        tables.stream()
            .filter(table -> !ignored.test(table.name()))
            .map(table -> table.withoutIndexes(ignored))
            .toList();
    Set<QualifiedName> removedTables =
        tables.stream().map(Table::name).filter(ignored).collect(Collectors.toUnmodifiableSet());
    List<Sequence> keptSequences =
        sequences.stream()
            .filter(sequence -> !ignored.test(sequence.name()))
            .filter(
                sequence ->
                    sequence
                        .ownedBy()
                        .map(owner -> !removedTables.contains(owner.table()))
                        .orElse(true))
            .toList();
    return new Catalog(
        serverMajorVersion,
        schemas,
        keptTables,
        enums.stream().filter(type -> !ignored.test(type.name())).toList(),
        views.stream().filter(view -> !ignored.test(view.name())).toList(),
        keptSequences,
        extensions.stream()
            .filter(
                extension -> !ignored.test(QualifiedName.of(extension.schema(), extension.name())))
            .toList(),
        routines.stream().filter(routine -> !ignored.test(routine.name())).toList(),
        triggers.stream()
            .filter(
                trigger ->
                    !ignored.test(trigger.table())
                        && !ignored.test(
                            QualifiedName.of(trigger.table().schema(), trigger.name())))
            .toList(),
        unreadable.stream()
            .filter(
                object ->
                    !ignored.test(object.object())
                        && (object.member() == null
                            || !ignored.test(
                                QualifiedName.of(object.object().schema(), object.member()))))
            .toList());
  }
}
