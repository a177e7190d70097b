package io.driftwatch.core.effect;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.Constraint;
import io.driftwatch.core.catalog.EnumType;
import io.driftwatch.core.catalog.Index;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.Sequence;
import io.driftwatch.core.catalog.Table;
import io.driftwatch.core.catalog.View;
import io.driftwatch.core.effect.SchemaObject.Kind;
import java.util.HashMap;
import java.util.HashSet;
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

  private ObjectSet(Set<String> schemas, Set<String> keys, Map<String, Set<String>> owned) {
    this.schemas = schemas;
    this.keys = keys;
    this.owned = owned;
  }

  public static ObjectSet of(Catalog catalog) {
    ObjectSet set = new ObjectSet(new HashSet<>(catalog.schemas()), new HashSet<>(), new HashMap<>());
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
    return new ObjectSet(new HashSet<>(schemas), new HashSet<>(keys), ownedCopy);
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
          owned.computeIfAbsent(key(effect.requires().get(0)), table -> new HashSet<>()).add(relationKey(object.name()));
        }
      }
      case DROP -> remove(object);
      case RENAME -> {
        effect.previous().ifPresent(this::remove);
        add(object, effect.detail());
      }
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
      QualifiedName index = QualifiedName.of(object.name().schema(), object.part());
      keys.add(relationKey(index));
      owned.computeIfAbsent(key(object.owner()), table -> new HashSet<>()).add(relationKey(index));
    }
  }

  private void remove(SchemaObject object) {
    String key = key(object);
    keys.remove(key);
    if (object.kind().isRelation()) {
      keys.remove(relationKey(object.name()));
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
    for (Constraint constraint : table.constraints()) {
      keys.add(key(SchemaObject.constraint(table.name(), constraint.name())));
    }
    Set<String> relations = owned.computeIfAbsent(key(tableObject), ignored -> new HashSet<>());
    for (Index index : table.indexes()) {
      SchemaObject indexObject = SchemaObject.of(Kind.INDEX, QualifiedName.of(table.name().schema(), index.name()));
      addRelation(indexObject);
      relations.add(relationKey(indexObject.name()));
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
