package io.driftwatch.core.effect;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.Constraint;
import io.driftwatch.core.catalog.ConstraintKind;
import io.driftwatch.core.catalog.EnumType;
import io.driftwatch.core.catalog.Index;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.Sequence;
import io.driftwatch.core.catalog.Table;
import io.driftwatch.core.catalog.View;
import io.driftwatch.core.effect.SchemaObject.Kind;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The named objects of a database, as a set that effects can be played on: what a pending migration will find
 * when it runs after the ones before it. Built from a {@link Catalog}; only the schemas the catalog read are
 * known, and of an object elsewhere nothing is claimed.
 */
public final class ObjectSet {

  /** What the set can say of an object. */
  public enum Presence {
    PRESENT, ABSENT, UNKNOWN
  }

  private final Set<String> schemas;
  private final Set<String> keys;
  /** The relation names (indexes, constraint indexes) that go when their table is dropped. */
  private final Map<String, Set<String>> owned;
  /** The index each primary key, unique or exclusion constraint owns (it bears the constraint's name). */
  private final Map<String, String> constraintIndexes;

  private ObjectSet(Set<String> schemas, Set<String> keys, Map<String, Set<String>> owned,
      Map<String, String> constraintIndexes) {
    this.schemas = schemas;
    this.keys = keys;
    this.owned = owned;
    this.constraintIndexes = constraintIndexes;
  }

  public static ObjectSet of(Catalog catalog) {
    ObjectSet set = new ObjectSet(new HashSet<>(catalog.schemas()), new HashSet<>(), new HashMap<>(), new HashMap<>());
    catalog.schemas().forEach(schema -> set.keys.add(key(SchemaObject.schema(schema))));
    catalog.extensions().forEach(extension -> set.keys.add(key(SchemaObject.extension(extension.name()))));
    for (Table table : catalog.tables()) {
      set.addTable(table);
    }
    for (View view : catalog.views()) {
      set.addRelation(SchemaObject.of(Kind.VIEW, view.name()));
    }
    for (Sequence sequence : catalog.sequences()) {
      set.addRelation(SchemaObject.of(Kind.SEQUENCE, sequence.name()));
    }
    for (EnumType type : catalog.enums()) {
      set.keys.add(key(SchemaObject.of(Kind.ENUM, type.name())));
      type.values().forEach(value -> set.keys.add(key(SchemaObject.enumValue(type.name(), value))));
    }
    return set;
  }

  public ObjectSet copy() {
    Map<String, Set<String>> ownedCopy = new HashMap<>();
    owned.forEach((table, relations) -> ownedCopy.put(table, new HashSet<>(relations)));
    return new ObjectSet(new HashSet<>(schemas), new HashSet<>(keys), ownedCopy, new HashMap<>(constraintIndexes));
  }

  /** Whether the object is there; UNKNOWN outside the schemas read, and for types that may not be enums. */
  public Presence presence(SchemaObject object) {
    if (!known(object)) {
      return Presence.UNKNOWN;
    }
    return keys.contains(key(object)) ? Presence.PRESENT : Presence.ABSENT;
  }

  /**
   * The object that stands in the way of creating this one, if any: the same object, or another relation of
   * the same name (a view named like the new table), or an index named like a new primary or unique key.
   */
  public Optional<String> conflict(SchemaObject object, String constraintType) {
    if (!known(object)) {
      return Optional.empty();
    }
    if (keys.contains(key(object))) {
      return Optional.of(object.describe());
    }
    if (object.kind().isRelation() && keys.contains(relationKey(object.name()))) {
      return Optional.of("relation " + object.name().quoted());
    }
    if (object.kind() == Kind.CONSTRAINT && makesIndex(constraintType)) {
      QualifiedName index = QualifiedName.of(object.name().schema(), object.part());
      if (keys.contains(relationKey(index))) {
        return Optional.of("relation " + index.quoted());
      }
    }
    return Optional.empty();
  }

  /** Plays one effect, as if its statement ran: what it creates is there, what it drops is gone. */
  public void apply(Effect effect) {
    SchemaObject object = effect.object();
    switch (effect.action()) {
      case CREATE -> {
        add(object, effect.detail());
        if (object.kind() == Kind.INDEX && !effect.requires().isEmpty()) {
          owned.computeIfAbsent(key(effect.requires().get(0)), table -> new HashSet<>())
              .add(relationKey(object.name()));
        }
      }
      case DROP -> remove(object);
      case RENAME -> effect.previous().ifPresentOrElse(previous -> rename(previous, object),
          () -> add(object, effect.detail()));
      default -> { }
    }
  }

  private boolean known(SchemaObject object) {
    return switch (object.kind()) {
      case SCHEMA, EXTENSION -> true;
      default -> schemas.contains(object.name().schema());
    };
  }

  private void add(SchemaObject object, String constraintType) {
    keys.add(key(object));
    if (object.kind().isRelation()) {
      keys.add(relationKey(object.name()));
    }
    if (object.kind() == Kind.CONSTRAINT && makesIndex(constraintType)) {
      addConstraintIndex(object);
    }
  }

  /** The index PostgreSQL creates for a primary key, unique or exclusion constraint, named like it. */
  private void addConstraintIndex(SchemaObject constraint) {
    String relation = relationKey(QualifiedName.of(constraint.name().schema(), constraint.part()));
    keys.add(relation);
    owned.computeIfAbsent(key(constraint.owner()), table -> new HashSet<>()).add(relation);
    constraintIndexes.put(key(constraint), relation);
  }

  /**
   * As {@code RENAME} does it: a table keeps its columns, constraints and indexes, an enum its values, a
   * constraint its index (renamed with it), an index its table.
   */
  private void rename(SchemaObject previous, SchemaObject object) {
    if ((previous.kind() == Kind.TABLE || previous.kind() == Kind.ENUM) && previous.kind() == object.kind()) {
      List<String> prefixes = previous.kind() == Kind.TABLE
          ? List.of("column|", "constraint|") : List.of("enum_value|");
      for (String prefix : prefixes) {
        String from = prefix + previous.name() + "|";
        String to = prefix + object.name() + "|";
        for (String moved : keys.stream().filter(candidate -> candidate.startsWith(from)).toList()) {
          keys.remove(moved);
          keys.add(to + moved.substring(from.length()));
        }
      }
      String fromConstraint = "constraint|" + previous.name() + "|";
      for (String moved : constraintIndexes.keySet().stream().filter(k -> k.startsWith(fromConstraint)).toList()) {
        constraintIndexes.put("constraint|" + object.name() + "|" + moved.substring(fromConstraint.length()),
            constraintIndexes.remove(moved));
      }
      Set<String> relations = owned.remove(key(previous));
      if (relations != null) {
        owned.put(key(object), relations);
      }
      keys.remove(key(previous));
      keys.remove(relationKey(previous.name()));
      add(object, "");
      return;
    }
    boolean ownsIndex = previous.kind() == Kind.CONSTRAINT && constraintIndexes.containsKey(key(previous));
    boolean ownedIndex = previous.kind() == Kind.INDEX && owned.values().stream()
        .anyMatch(relations -> relations.contains(relationKey(previous.name())));
    remove(previous);
    if (ownedIndex) {
      owned.values().stream().filter(relations -> relations.remove(relationKey(previous.name())))
          .forEach(relations -> relations.add(relationKey(object.name())));
    }
    add(object, "");
    if (ownsIndex) {
      addConstraintIndex(object);
    }
  }

  private void remove(SchemaObject object) {
    String key = key(object);
    keys.remove(key);
    if (object.kind().isRelation()) {
      keys.remove(relationKey(object.name()));
    }
    String constraintIndex = constraintIndexes.remove(key);
    if (constraintIndex != null) {
      keys.remove(constraintIndex);
      keys.remove("index|" + constraintIndex.substring("relation|".length()) + "|");
      Set<String> relations = owned.get(key(object.owner()));
      if (relations != null) {
        relations.remove(constraintIndex);
      }
    }
    if (object.kind() == Kind.TABLE) {
      constraintIndexes.keySet().removeIf(constraint -> constraint.startsWith("constraint|" + object.name() + "|"));
    }
    if (object.kind() == Kind.TABLE || object.kind() == Kind.ENUM) {
      String prefix = (object.kind() == Kind.TABLE ? "column|" : "enum_value|") + object.name() + "|";
      keys.removeIf(candidate -> candidate.startsWith(prefix)
          || candidate.startsWith("constraint|" + object.name() + "|"));
      Set<String> relations = owned.remove(key);
      if (relations != null) {
        keys.removeAll(relations);
        relations.forEach(relation -> keys.remove("index|" + relation.substring("relation|".length()) + "|"));
      }
    }
  }

  private void addTable(Table table) {
    SchemaObject tableObject = SchemaObject.of(Kind.TABLE, table.name());
    addRelation(tableObject);
    table.columns().forEach(column -> keys.add(key(SchemaObject.column(table.name(), column.name()))));
    Set<String> relations = owned.computeIfAbsent(key(tableObject), ignored -> new HashSet<>());
    for (Index index : table.indexes()) {
      SchemaObject indexObject = SchemaObject.of(Kind.INDEX, QualifiedName.of(table.name().schema(), index.name()));
      addRelation(indexObject);
      relations.add(relationKey(indexObject.name()));
    }
    for (Constraint constraint : table.constraints()) {
      SchemaObject constraintObject = SchemaObject.constraint(table.name(), constraint.name());
      keys.add(key(constraintObject));
      if (constraint.kind() == ConstraintKind.PRIMARY_KEY || constraint.kind() == ConstraintKind.UNIQUE
          || constraint.kind() == ConstraintKind.EXCLUSION) {
        addConstraintIndex(constraintObject);
      }
    }
  }

  private void addRelation(SchemaObject object) {
    keys.add(key(object));
    keys.add(relationKey(object.name()));
  }

  private static boolean makesIndex(String constraintType) {
    return constraintType.equals("PRIMARY KEY") || constraintType.equals("UNIQUE") || constraintType.equals("EXCLUDE");
  }

  private static String key(SchemaObject object) {
    return object.kind().name().toLowerCase(java.util.Locale.ROOT) + "|" + object.name() + "|" + object.part();
  }

  private static String relationKey(QualifiedName name) {
    return "relation|" + name;
  }

  /** True when the effect is a CREATE or RENAME whose result the set holds, or a DROP whose object is gone. */
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
        yield target == Presence.ABSENT && source == Presence.PRESENT ? Presence.ABSENT : Presence.UNKNOWN;
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
