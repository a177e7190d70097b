package io.driftwatch.core.effect;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.Constraint;
import io.driftwatch.core.catalog.ConstraintKind;
import io.driftwatch.core.catalog.EnumType;
import io.driftwatch.core.catalog.ForeignKey;
import io.driftwatch.core.catalog.Index;
import io.driftwatch.core.catalog.IndexKey;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.Sequence;
import io.driftwatch.core.catalog.Table;
import io.driftwatch.core.catalog.View;
import io.driftwatch.core.effect.SchemaObject.Kind;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The named objects of a database, as a set that effects can be played on: what a pending migration
 * will find when it runs after the ones before it. Built from a {@link Catalog}; only the schemas
 * the catalog read are known, and of an object elsewhere nothing is claimed.
 *
 * <p>Every effect costs time in proportion to the objects it touches, never to the size of the set:
 * the columns, constraints and enum values are kept by their table or enum, and the indexes by
 * their table, so a drop or a rename moves only what it owns. A migration can be tried ({@link
 * #begin()}) and taken back ({@link #rollback()}): each change is written to an undo log while a
 * try is open, so playing a deploy of thousands of migrations never copies the set.
 */
public final class ObjectSet {

  /** What the set can say of an object. */
  public enum Presence {
    PRESENT,
    ABSENT,
    UNKNOWN
  }

  private final Set<String> schemas;
  private final Set<String> keys;

  /** The column, constraint and enum value keys of each table or enum, by its key. */
  private final Map<String, Set<String>> members;

  /** The relation names (indexes, constraint indexes) that go when their table is dropped. */
  private final Map<String, Set<String>> owned;

  /** The table each relation of {@link #owned} belongs to: the reverse of it. */
  private final Map<String, String> relationOwner;

  /**
   * The index each primary key, unique or exclusion constraint owns (it bears the constraint's
   * name).
   */
  private final Map<String, String> constraintIndexes;

  /**
   * The reverse of {@link #constraintIndexes}: the constraint owning each constraint index, by
   * relation key.
   */
  private final Map<String, String> indexConstraints;

  /**
   * The constraint keys of each constraint name: PostgreSQL wants a name it generates free in the
   * whole schema ({@code ChooseConstraintName}), not only on the table.
   */
  private final Map<String, Set<String>> constraintsByName;

  /**
   * The foreign keys that reference each table, by the table's key: {@code owner-key NUL
   * constraint-key}. A {@code DROP TABLE ... CASCADE} drops them with it.
   */
  private final Map<String, Set<String>> referencing;

  /**
   * The indexes and constraints that use each column, by the column's key: PostgreSQL drops them
   * with it ({@code DROP COLUMN}). Entries may be stale (an index dropped, or made again on other
   * columns): {@link #usedColumns} says which still hold.
   */
  private final Map<String, Set<SchemaObject>> columnUsers;

  /** The column keys each index or constraint uses, by its key, as last created. */
  private final Map<String, Set<String>> usedColumns;

  /** The undo log of the open try: each change's reverse, newest last; null when no try is open. */
  private ArrayDeque<Runnable> undo;

  private ObjectSet(
      Set<String> schemas,
      Set<String> keys,
      Map<String, Set<String>> members,
      Map<String, Set<String>> owned,
      Map<String, String> relationOwner,
      Map<String, String> constraintIndexes,
      Map<String, String> indexConstraints,
      Map<String, Set<String>> constraintsByName,
      Map<String, Set<String>> referencing,
      Map<String, Set<SchemaObject>> columnUsers,
      Map<String, Set<String>> usedColumns) {
    this.schemas = schemas;
    this.keys = keys;
    this.members = members;
    this.owned = owned;
    this.relationOwner = relationOwner;
    this.constraintIndexes = constraintIndexes;
    this.indexConstraints = indexConstraints;
    this.constraintsByName = constraintsByName;
    this.referencing = referencing;
    this.columnUsers = columnUsers;
    this.usedColumns = usedColumns;
  }

  public static ObjectSet of(Catalog catalog) {
    ObjectSet set =
        new ObjectSet(
            new HashSet<>(catalog.schemas()),
            new HashSet<>(),
            new HashMap<>(),
            new HashMap<>(),
            new HashMap<>(),
            new HashMap<>(),
            new HashMap<>(),
            new HashMap<>(),
            new HashMap<>(),
            new HashMap<>(),
            new HashMap<>());
    catalog.schemas().forEach(schema -> set.addKey(key(SchemaObject.schema(schema))));
    catalog
        .extensions()
        .forEach(extension -> set.addKey(key(SchemaObject.extension(extension.name()))));
    for (Table table : catalog.tables()) {
      set.addTable(table);
    }
    for (View view : catalog.views()) {
      set.addRelation(SchemaObject.of(Kind.VIEW, view.name()));
    }
    for (Sequence sequence : catalog.sequences()) {
      set.addRelation(SchemaObject.of(Kind.SEQUENCE, sequence.name()));
      // a SERIAL's sequence goes with its table
      sequence
          .ownedBy()
          .ifPresent(
              column ->
                  set.own(
                      key(SchemaObject.of(Kind.TABLE, column.table())),
                      relationKey(sequence.name())));
    }
    for (EnumType type : catalog.enums()) {
      set.addKey(key(SchemaObject.of(Kind.ENUM, type.name())));
      type.values().forEach(value -> set.addMember(SchemaObject.enumValue(type.name(), value)));
    }
    return set;
  }

  /** An independent set holding the same objects (no try open). */
  public ObjectSet copy() {
    return new ObjectSet(
        new HashSet<>(schemas),
        new HashSet<>(keys),
        deepCopy(members),
        deepCopy(owned),
        new HashMap<>(relationOwner),
        new HashMap<>(constraintIndexes),
        new HashMap<>(indexConstraints),
        deepCopy(constraintsByName),
        deepCopy(referencing),
        deepCopy(columnUsers),
        deepCopy(usedColumns));
  }

  private static <T> Map<String, Set<T>> deepCopy(Map<String, Set<T>> map) {
    Map<String, Set<T>> copy = new HashMap<>(map.size() * 2);
    map.forEach((key, values) -> copy.put(key, new HashSet<>(values)));
    return copy;
  }

  /** Opens a try: the changes until {@link #commit()} or {@link #rollback()} can be taken back. */
  public void begin() {
    if (undo != null) {
      throw new IllegalStateException("a try is already open");
    }
    undo = new ArrayDeque<>();
  }

  /** Keeps the changes of the open try. */
  public void commit() {
    undo = null;
  }

  /**
   * Takes back every change of the open try, newest first: the set is as it was at {@link
   * #begin()}.
   */
  public void rollback() {
    ArrayDeque<Runnable> changes = undo;
    undo = null;
    while (changes != null && !changes.isEmpty()) {
      changes.removeLast().run();
    }
  }

  /**
   * Whether the object is there; UNKNOWN outside the schemas read, and for types that may not be
   * enums.
   */
  public Presence presence(SchemaObject object) {
    if (!known(object)) {
      return Presence.UNKNOWN;
    }
    return keys.contains(key(object)) ? Presence.PRESENT : Presence.ABSENT;
  }

  /**
   * The object that stands in the way of creating this one, if any: the same object, or another
   * relation of the same name (a view named like the new table), or an index named like a new
   * primary or unique key.
   */
  public Optional<String> conflict(SchemaObject object) {
    return conflict(object, Optional.empty());
  }

  /** As {@link #conflict(SchemaObject)}, for a constraint of this kind. */
  public Optional<String> conflict(SchemaObject object, ConstraintKind kind) {
    return conflict(object, Optional.of(kind));
  }

  /** As {@link #conflict(SchemaObject)}, for what the effect creates. */
  public Optional<String> conflict(Effect creating) {
    return conflict(creating.object(), creating.constraintKind());
  }

  private Optional<String> conflict(SchemaObject object, Optional<ConstraintKind> constraint) {
    if (!known(object)) {
      return Optional.empty();
    }
    if (keys.contains(key(object))) {
      return Optional.of(object.describe());
    }
    if (object.kind().isRelation() && keys.contains(relationKey(object.name()))) {
      return Optional.of("relation " + object.name().quoted());
    }
    if (object.kind() == Kind.CONSTRAINT
        && constraint.filter(ConstraintKind::makesIndex).isPresent()) {
      QualifiedName index = QualifiedName.of(object.name().schema(), object.part());
      if (keys.contains(relationKey(index))) {
        return Optional.of("relation " + index.quoted());
      }
    }
    return Optional.empty();
  }

  /**
   * The effect on the object PostgreSQL names when the statement does not ({@link
   * Effect#implicitName()}): the first free of {@code T_pkey}, {@code T_pkey1}, ... on this set;
   * any other effect as it is.
   */
  public Effect named(Effect effect) {
    if (effect.implicitName().isEmpty() || !known(effect.object())) {
      return effect;
    }
    ImplicitName implicit = effect.implicitName().get();
    String schema = implicit.table().schema();
    String checkColumn = implicit.isCheck() ? checkColumn(implicit) : null;
    String chosen =
        implicit.choose(
            name ->
                (implicit.namesAnIndex()
                        && keys.contains(relationKey(QualifiedName.of(schema, name))))
                    || (implicit.kind() == Kind.CONSTRAINT && constraintNamed(schema, name)),
            checkColumn);
    return effect.withObject(implicit.object(chosen));
  }

  /**
   * The one column of the table a CHECK's expression uses, or null when it uses none or several.
   */
  private String checkColumn(ImplicitName check) {
    SchemaObject table = SchemaObject.of(Kind.TABLE, check.table());
    List<String> used =
        check.columns().stream()
            .distinct()
            .filter(
                name ->
                    presence(table) != Presence.PRESENT
                        || holds(SchemaObject.column(check.table(), name)))
            .toList();
    return used.size() == 1 ? used.get(0) : null;
  }

  private boolean constraintNamed(String schema, String name) {
    String prefix = "constraint|" + schema + ".";
    return constraintsByName.getOrDefault(name, Set.of()).stream()
        .anyMatch(key -> key.startsWith(prefix));
  }

  /** Plays one effect, as if its statement ran: what it creates is there, what it drops is gone. */
  public void apply(Effect effect) {
    SchemaObject object = effect.object();
    switch (effect.action()) {
      case CREATE -> {
        add(object, effect.constraintKind());
        if (effect.constraintKind().equals(Optional.of(ConstraintKind.FOREIGN_KEY))) {
          effect.requires().stream()
              .filter(table -> !table.equals(object.owner()))
              .forEach(table -> reference(key(table), key(object.owner()), key(object)));
        }
        if ((object.kind() == Kind.INDEX || object.kind() == Kind.SEQUENCE)
            && !effect.requires().isEmpty()) {
          own(key(effect.requires().get(0)), relationKey(object.name()));
        }
        if (object.kind() == Kind.INDEX && !effect.requires().isEmpty()) {
          use(object, effect.requires().get(0).name(), effect.columns());
        } else if (object.kind() == Kind.CONSTRAINT && effect.implicitName().isPresent()) {
          use(object, object.owner().name(), effect.implicitName().get().columns());
        }
      }
      case DROP -> {
        if (object.kind() == Kind.COLUMN) {
          dropUsers(key(object));
        }
        if (effect.cascades() && object.kind() == Kind.TABLE) {
          dropReferencing(key(object));
        }
        remove(object);
      }
      case RENAME ->
          effect
              .previous()
              .ifPresentOrElse(
                  previous -> rename(previous, object), () -> add(object, Optional.empty()));
      default -> {}
    }
  }

  private boolean known(SchemaObject object) {
    return switch (object.kind()) {
      case SCHEMA, EXTENSION -> true;
      default -> schemas.contains(object.name().schema());
    };
  }

  private void add(SchemaObject object, Optional<ConstraintKind> constraint) {
    if (isMember(object.kind())) {
      addMember(object);
    } else {
      addKey(key(object));
    }
    if (object.kind().isRelation()) {
      addKey(relationKey(object.name()));
    }
    if (object.kind() == Kind.CONSTRAINT
        && constraint.filter(ConstraintKind::makesIndex).isPresent()) {
      addConstraintIndex(object);
    }
  }

  /**
   * The index PostgreSQL creates for a primary key, unique or exclusion constraint, named like it.
   */
  private void addConstraintIndex(SchemaObject constraint) {
    QualifiedName index = QualifiedName.of(constraint.name().schema(), constraint.part());
    String relation = relationKey(index);
    addKey(relation);
    addKey(key(SchemaObject.of(Kind.INDEX, index)));
    own(key(constraint.owner()), relation);
    putConstraintIndex(key(constraint), relation);
  }

  /**
   * As {@code RENAME} does it: a table keeps its columns, constraints and indexes, an enum its
   * values, a constraint its index (renamed with it), an index its table.
   */
  private void rename(SchemaObject previous, SchemaObject object) {
    if ((previous.kind() == Kind.TABLE || previous.kind() == Kind.ENUM)
        && previous.kind() == object.kind()) {
      String from = key(previous);
      String to = key(object);
      String oldOwner = "|" + previous.name() + "|";
      String newOwner = "|" + object.name() + "|";
      for (String moved : List.copyOf(members.getOrDefault(from, Set.of()))) {
        String kind = moved.substring(0, moved.indexOf('|'));
        String renamed = kind + newOwner + moved.substring(kind.length() + oldOwner.length());
        removeMember(from, moved);
        addMember(to, renamed);
        String index = constraintIndexes.get(moved);
        if (index != null) {
          removeConstraintIndex(moved);
          putConstraintIndex(
              renamed, movedTo(index, previous.name().schema(), object.name().schema()));
        }
      }
      for (String relation : List.copyOf(owned.getOrDefault(from, Set.of()))) {
        disown(from, relation);
        String moved = movedTo(relation, previous.name().schema(), object.name().schema());
        if (!moved.equals(relation)) { // SET SCHEMA takes the table's indexes and sequences along
          for (String kind : List.of("index|", "sequence|")) {
            if (keys.contains(kind + relation.substring("relation|".length()) + "|")) {
              removeKey(kind + relation.substring("relation|".length()) + "|");
              addKey(kind + moved.substring("relation|".length()) + "|");
            }
          }
          removeKey(relation);
          addKey(moved);
        }
        own(to, moved);
      }
      removeKey(from);
      removeKey(relationKey(previous.name()));
      add(object, Optional.empty());
      return;
    }
    boolean ownsIndex =
        previous.kind() == Kind.CONSTRAINT && constraintIndexes.containsKey(key(previous));
    String previousRelation = relationKey(previous.name());
    String constraintOfIndex =
        previous.kind() == Kind.INDEX ? indexConstraints.get(previousRelation) : null;
    if (constraintOfIndex != null && relationOwner.containsKey(previousRelation)) {
      // ALTER INDEX renames the primary key, unique or exclusion constraint the index backs, and
      // back
      String table = relationOwner.get(previousRelation);
      String tableName = table.substring(table.indexOf('|') + 1, table.length() - 1);
      String schema = previous.name().schema();
      QualifiedName onTable = QualifiedName.of(schema, tableName.substring(schema.length() + 1));
      rename(
          SchemaObject.constraint(onTable, constraintName(table, constraintOfIndex)),
          SchemaObject.constraint(onTable, object.name().name()));
      return;
    }
    String indexTable = previous.kind() == Kind.INDEX ? relationOwner.get(previousRelation) : null;
    remove(previous);
    if (indexTable != null) {
      disown(indexTable, previousRelation);
      own(indexTable, relationKey(object.name()));
    }
    add(object, Optional.empty());
    if (ownsIndex) {
      addConstraintIndex(object);
    }
  }

  /**
   * A relation key of one schema, in another ({@code relation|old.X} to {@code relation|new.X}).
   */
  private static String movedTo(String relation, String from, String to) {
    if (from.equals(to)) {
      return relation;
    }
    String name = relation.substring("relation|".length() + from.length() + 1);
    return relationKey(QualifiedName.of(to, name));
  }

  private void remove(SchemaObject object) {
    String key = key(object);
    if (isMember(object.kind())) {
      removeMember(key(object.owner()), key);
    } else {
      removeKey(key);
    }
    if (object.kind().isRelation()) {
      removeKey(relationKey(object.name()));
    }
    String constraintIndex = removeConstraintIndex(key);
    if (constraintIndex != null) {
      removeKey(constraintIndex);
      removeKey("index|" + constraintIndex.substring("relation|".length()) + "|");
      disown(key(object.owner()), constraintIndex);
    }
    if (object.kind() == Kind.TABLE || object.kind() == Kind.ENUM) {
      for (String member : List.copyOf(members.getOrDefault(key, Set.of()))) {
        removeMember(key, member);
        removeConstraintIndex(member);
      }
      for (String relation : List.copyOf(owned.getOrDefault(key, Set.of()))) {
        disown(key, relation);
        removeKey(relation);
        removeKey("index|" + relation.substring("relation|".length()) + "|");
        removeKey("sequence|" + relation.substring("relation|".length()) + "|");
      }
    }
  }

  private void addTable(Table table) {
    SchemaObject tableObject = SchemaObject.of(Kind.TABLE, table.name());
    addRelation(tableObject);
    table.columns().forEach(column -> addMember(SchemaObject.column(table.name(), column.name())));
    for (Index index : table.indexes()) {
      SchemaObject indexObject =
          SchemaObject.of(Kind.INDEX, QualifiedName.of(table.name().schema(), index.name()));
      addRelation(indexObject);
      own(key(tableObject), relationKey(indexObject.name()));
      use(
          indexObject,
          table.name(),
          Stream.concat(
                  index.keys().stream().filter(key -> !key.expression()).map(IndexKey::text),
                  index.includedColumns().stream())
              .toList());
    }
    for (ForeignKey foreignKey : table.foreignKeys()) {
      reference(
          key(SchemaObject.of(Kind.TABLE, foreignKey.referencedTable())),
          key(tableObject),
          key(SchemaObject.constraint(table.name(), foreignKey.name())));
      use(
          SchemaObject.constraint(table.name(), foreignKey.name()),
          table.name(),
          foreignKey.columns());
    }
    for (Constraint constraint : table.constraints()) {
      SchemaObject constraintObject = SchemaObject.constraint(table.name(), constraint.name());
      addMember(constraintObject);
      use(constraintObject, table.name(), constraint.columns());
      if (constraint.kind().makesIndex()) {
        addConstraintIndex(constraintObject);
      }
    }
  }

  private void addRelation(SchemaObject object) {
    addKey(key(object));
    addKey(relationKey(object.name()));
  }

  private static boolean isMember(Kind kind) {
    return kind == Kind.COLUMN || kind == Kind.CONSTRAINT || kind == Kind.ENUM_VALUE;
  }

  // Every change goes through the methods below, which write its reverse to the undo log of an open
  // try.

  /** Notes that an index or constraint uses these columns of its table ({@link #columnUsers}). */
  private void use(SchemaObject user, QualifiedName table, List<String> columns) {
    if (columns.isEmpty()) {
      return;
    }
    Set<String> columnKeys = new HashSet<>();
    for (String column : columns) {
      String columnKey = key(SchemaObject.column(table, column));
      columnKeys.add(columnKey);
      Set<SchemaObject> users = columnUsers.computeIfAbsent(columnKey, ignored -> new HashSet<>());
      if (users.add(user)) {
        changed(() -> users.remove(user));
      }
    }
    String userKey = key(user);
    Set<String> before = usedColumns.put(userKey, columnKeys);
    changed(
        () -> {
          if (before == null) {
            usedColumns.remove(userKey);
          } else {
            usedColumns.put(userKey, before);
          }
        });
  }

  /** Drops the indexes and constraints that use a column, as {@code DROP COLUMN} does. */
  private void dropUsers(String columnKey) {
    for (SchemaObject user : List.copyOf(columnUsers.getOrDefault(columnKey, Set.of()))) {
      if (usedColumns.getOrDefault(key(user), Set.of()).contains(columnKey)) {
        remove(user);
      }
    }
  }

  private void changed(Runnable reverse) {
    if (undo != null) {
      undo.addLast(reverse);
    }
  }

  private void addKey(String key) {
    if (keys.add(key)) {
      changed(() -> keys.remove(key));
    }
  }

  private void removeKey(String key) {
    if (keys.remove(key)) {
      changed(() -> keys.add(key));
    }
  }

  private void addMember(SchemaObject member) {
    addMember(key(member.owner()), key(member));
  }

  private void addMember(String owner, String member) {
    addKey(member);
    if (members.computeIfAbsent(owner, ignored -> new HashSet<>()).add(member)) {
      changed(() -> members.get(owner).remove(member));
    }
    String constraint = constraintName(owner, member);
    if (constraint != null
        && constraintsByName.computeIfAbsent(constraint, ignored -> new HashSet<>()).add(member)) {
      changed(() -> constraintsByName.get(constraint).remove(member));
    }
  }

  private void removeMember(String owner, String member) {
    removeKey(member);
    Set<String> of = members.get(owner);
    if (of != null && of.remove(member)) {
      changed(() -> of.add(member));
    }
    String constraint = constraintName(owner, member);
    Set<String> named = constraint == null ? null : constraintsByName.get(constraint);
    if (named != null && named.remove(member)) {
      changed(() -> named.add(member));
    }
  }

  /**
   * The name of a constraint member ({@code constraint|<table>|<name>} of {@code table|<table>|}),
   * else null.
   */
  private static String constraintName(String owner, String member) {
    if (!member.startsWith("constraint|")) {
      return null;
    }
    String table = owner.substring(owner.indexOf('|') + 1, owner.length() - 1);
    return member.substring(("constraint|" + table + "|").length());
  }

  private void own(String table, String relation) {
    if (owned.computeIfAbsent(table, ignored -> new HashSet<>()).add(relation)) {
      changed(() -> owned.get(table).remove(relation));
    }
    String before = relationOwner.put(relation, table);
    changed(() -> restore(relationOwner, relation, before));
  }

  private void disown(String table, String relation) {
    Set<String> relations = owned.get(table);
    if (relations != null && relations.remove(relation)) {
      changed(() -> relations.add(relation));
    }
    if (table.equals(relationOwner.get(relation))) {
      relationOwner.remove(relation);
      changed(() -> relationOwner.put(relation, table));
    }
  }

  private void reference(String referenced, String owner, String constraint) {
    String pair = owner + '\0' + constraint;
    if (referencing.computeIfAbsent(referenced, ignored -> new HashSet<>()).add(pair)) {
      changed(() -> referencing.get(referenced).remove(pair));
    }
  }

  /**
   * The foreign keys of other tables that reference this one: {@code DROP TABLE ... CASCADE} drops
   * them.
   */
  private void dropReferencing(String table) {
    for (String pair : List.copyOf(referencing.getOrDefault(table, Set.of()))) {
      String owner = pair.substring(0, pair.indexOf('\0'));
      String constraint = pair.substring(pair.indexOf('\0') + 1);
      if (!owner.equals(table)) {
        removeMember(owner, constraint);
      }
    }
  }

  private void putConstraintIndex(String constraint, String relation) {
    String before = constraintIndexes.put(constraint, relation);
    changed(() -> restore(constraintIndexes, constraint, before));
    String constraintBefore = indexConstraints.put(relation, constraint);
    changed(() -> restore(indexConstraints, relation, constraintBefore));
  }

  private String removeConstraintIndex(String constraint) {
    String before = constraintIndexes.remove(constraint);
    if (before != null) {
      changed(() -> constraintIndexes.put(constraint, before));
      if (constraint.equals(indexConstraints.get(before))) {
        indexConstraints.remove(before);
        changed(() -> indexConstraints.put(before, constraint));
      }
    }
    return before;
  }

  private static void restore(Map<String, String> map, String key, String value) {
    if (value == null) {
      map.remove(key);
    } else {
      map.put(key, value);
    }
  }

  private static String key(SchemaObject object) {
    return object.kind().name().toLowerCase(Locale.ROOT)
        + "|"
        + object.name()
        + "|"
        + object.part();
  }

  private static String relationKey(QualifiedName name) {
    return "relation|" + name;
  }

  /**
   * True when the effect is a CREATE or RENAME whose result the set holds, or a DROP whose object
   * is gone.
   */
  public Presence achieved(Effect effect) {
    return switch (effect.action()) {
      case CREATE -> presence(effect.object());
      case DROP -> invert(presence(effect.object()));
      case RENAME -> {
        Presence target = presence(effect.object());
        Presence source = effect.previous().map(this::presence).orElse(Presence.UNKNOWN);
        if (target == Presence.PRESENT && source == Presence.ABSENT) {
          yield Presence.PRESENT;
        }
        yield target == Presence.ABSENT && source == Presence.PRESENT
            ? Presence.ABSENT
            : Presence.UNKNOWN;
      }
      default -> Presence.UNKNOWN;
    };
  }

  private static Presence invert(Presence presence) {
    return switch (presence) {
      case PRESENT -> Presence.ABSENT;
      case ABSENT -> Presence.PRESENT;
      case UNKNOWN -> Presence.UNKNOWN;
    };
  }

  /** True when the set knows the object is there. */
  public boolean holds(SchemaObject object) {
    return presence(object) == Presence.PRESENT;
  }
}
