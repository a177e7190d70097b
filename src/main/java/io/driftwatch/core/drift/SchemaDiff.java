package io.driftwatch.core.drift;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.CatalogDdl;
import io.driftwatch.core.catalog.CatalogIndex;
import io.driftwatch.core.catalog.Column;
import io.driftwatch.core.catalog.Constraint;
import io.driftwatch.core.catalog.ConstraintKind;
import io.driftwatch.core.catalog.EnumType;
import io.driftwatch.core.catalog.Extension;
import io.driftwatch.core.catalog.ForeignKey;
import io.driftwatch.core.catalog.Index;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.Routine;
import io.driftwatch.core.catalog.SchemaDdl;
import io.driftwatch.core.catalog.Sequence;
import io.driftwatch.core.catalog.Table;
import io.driftwatch.core.catalog.Trigger;
import io.driftwatch.core.catalog.View;
import io.driftwatch.core.drift.Step.Phase;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Compares the catalog the migrations build (expected) with the database's (live), both read by the
 * same reader.
 *
 * <p>Tables, enums and views match by qualified name; columns, constraints and indexes by name
 * within their table; enum values by value. A table, enum or view present on one side only is one
 * drift: its columns, constraints and indexes are not reported again. A same-named index or
 * constraint with another definition is one {@code CHANGED} drift (drop and create), not a missing
 * and an untracked one. Indexes a constraint owns are left to the constraint, and what a partition
 * inherits (columns, constraints, indexes) to its parent. Extensions match by name (they are
 * database-wide), sequences no column owns by qualified name (a column's own comes with the
 * column's default), functions and procedures by schema, name and argument types, triggers by name
 * within their table or view.
 */
public final class SchemaDiff {

  private static final String CANNOT_DROP_ENUM_VALUE =
      "-- PostgreSQL cannot drop an enum value: the type is recreated with the values it should have,"
          + " which fails while a row still holds a dropped value";

  private final Catalog expected;
  private final Catalog live;
  private final SchemaDdl expectedDdl;
  private final SchemaDdl liveDdl;
  private final CatalogIndex expectedIndex;
  private final CatalogIndex liveIndex;
  private final List<Drift> drifts = new ArrayList<>();

  /** The view depths worked out so far, per catalog. */
  private final Map<Catalog, Map<QualifiedName, Integer>> viewDepths = new IdentityHashMap<>();

  private SchemaDiff(Catalog expected, Catalog live, Function<Catalog, SchemaDdl> ddl) {
    this.expected = Objects.requireNonNull(expected, "expected");
    this.live = Objects.requireNonNull(live, "live");
    this.expectedDdl = ddl.apply(expected);
    this.liveDdl = ddl.apply(live);
    this.expectedIndex = CatalogIndex.of(expected);
    this.liveIndex = CatalogIndex.of(live);
  }

  /** As {@link #compare(Catalog, Catalog, Function)}, in PostgreSQL's DDL. */
  public static SchemaDrift compare(Catalog expected, Catalog live) {
    return compare(expected, live, CatalogDdl::new);
  }

  /**
   * The drift of {@code live} from {@code expected}, with the SQL both ways written by {@code ddl}
   * (the dialect's, {@code core.dialect.SqlDialect#ddl}).
   */
  public static SchemaDrift compare(
      Catalog expected, Catalog live, Function<Catalog, SchemaDdl> ddl) {
    SchemaDiff diff = new SchemaDiff(expected, live, ddl);
    diff.compareExtensions();
    diff.compareEnums();
    diff.compareSequences();
    diff.compareTables();
    diff.compareViews();
    diff.compareRoutines();
    diff.compareTriggers();
    return new SchemaDrift(diff.drifts);
  }

  // Enums

  private void compareEnums() {
    for (QualifiedName name : union(expected.enums(), live.enums(), EnumType::name)) {
      Optional<EnumType> want = expectedIndex.enumType(name);
      Optional<EnumType> have = liveIndex.enumType(name);
      if (want.isEmpty()) {
        add(
            DriftKind.UNTRACKED_ENUM,
            name,
            null,
            "enum " + display(name) + " is in the database but no migration" + " creates it",
            createEnum(liveDdl, have.get(), expected),
            List.of(Step.of(Phase.DROP_ENUM, liveDdl.dropEnum(have.get()))));
      } else if (have.isEmpty()) {
        add(
            DriftKind.MISSING_ENUM,
            name,
            null,
            "enum "
                + display(name)
                + " is created by the migrations but missing"
                + " from the database",
            List.of(Step.of(Phase.DROP_ENUM, expectedDdl.dropEnum(want.get()))),
            createEnum(expectedDdl, want.get(), live));
      } else {
        compareEnumValues(want.get(), have.get());
      }
    }
  }

  private List<Step> createEnum(SchemaDdl ddl, EnumType type, Catalog other) {
    List<Step> steps = new ArrayList<>(createSchema(ddl, type.name(), other));
    steps.add(Step.of(Phase.CREATE_ENUM, ddl.createEnum(type)));
    return steps;
  }

  private void compareEnumValues(EnumType want, EnumType have) {
    QualifiedName name = want.name();
    Set<String> wanted = new HashSet<>(want.values());
    Set<String> found = new HashSet<>(have.values());
    List<String> untracked =
        have.values().stream().filter(value -> !wanted.contains(value)).toList();
    List<String> missing = want.values().stream().filter(value -> !found.contains(value)).toList();
    if (untracked.isEmpty() && missing.isEmpty() && !want.values().equals(have.values())) {
      add(
          DriftKind.CHANGED_ENUM,
          name,
          null,
          "enum "
              + display(name)
              + ": values reordered: "
              + values(want.values())
              + " -> "
              + values(have.values()),
          List.of(
              recreateEnum(liveDdl, have, "-- The values are reordered by recreating the type")),
          List.of(
              recreateEnum(
                  expectedDdl, want, "-- The values are reordered by recreating the type")));
    }
    for (String value : untracked) {
      add(
          DriftKind.UNTRACKED_ENUM_VALUE,
          name,
          value,
          "enum value "
              + CatalogDdl.literal(value)
              + " of "
              + display(name)
              + " is in the database but no migration adds it",
          List.of(Step.of(Phase.ADD_ENUM_VALUE, liveDdl.addEnumValue(have, value))),
          List.of(recreateEnum(expectedDdl, want, CANNOT_DROP_ENUM_VALUE)));
    }
    for (String value : missing) {
      add(
          DriftKind.MISSING_ENUM_VALUE,
          name,
          value,
          "enum value "
              + CatalogDdl.literal(value)
              + " of "
              + display(name)
              + " is added by the migrations but missing from the database",
          List.of(recreateEnum(liveDdl, have, CANNOT_DROP_ENUM_VALUE)),
          List.of(Step.of(Phase.ADD_ENUM_VALUE, expectedDdl.addEnumValue(want, value))));
    }
  }

  private static Step recreateEnum(SchemaDdl ddl, EnumType type, String comment) {
    return Step.of(Phase.RECREATE_ENUM, comment + "\n" + String.join("\n", ddl.recreateEnum(type)));
  }

  // Tables

  private void compareTables() {
    for (QualifiedName name : union(expected.tables(), live.tables(), Table::name)) {
      Optional<Table> want = expectedIndex.table(name);
      Optional<Table> have = liveIndex.table(name);
      if (want.isEmpty()) {
        add(
            DriftKind.UNTRACKED_TABLE,
            name,
            null,
            "table " + display(name) + " is in the database but no migration creates it",
            createTable(liveDdl, live, have.get(), expected),
            dropTable(liveDdl, live, have.get()));
      } else if (have.isEmpty()) {
        add(
            DriftKind.MISSING_TABLE,
            name,
            null,
            "table "
                + display(name)
                + " is created by the migrations but missing from the database",
            dropTable(expectedDdl, expected, want.get()),
            createTable(expectedDdl, expected, want.get(), live));
      } else {
        if (want.get().partitionOf().isEmpty() && have.get().partitionOf().isEmpty()) {
          compareColumns(want.get(), have.get());
        }
        compareConstraints(want.get(), have.get());
        compareIndexes(want.get(), have.get());
      }
    }
  }

  /**
   * The table with what it declares itself; the rest of the catalog's drift covers what it refers
   * to.
   */
  private List<Step> createTable(SchemaDdl ddl, Catalog catalog, Table table, Catalog other) {
    List<Step> steps = new ArrayList<>(createSchema(ddl, table.name(), other));
    steps.add(new Step(Phase.CREATE_TABLE, depth(catalog, table), ddl.createTable(table)));
    for (Constraint constraint : table.constraints()) {
      if (!constraint.inherited()
          && constraint.kind() != ConstraintKind.PRIMARY_KEY
          && constraint.kind() != ConstraintKind.FOREIGN_KEY) {
        steps.add(Step.of(Phase.ADD_CONSTRAINT, ddl.addConstraint(table, constraint)));
      }
    }
    for (Index index : ownIndexes(table)) {
      steps.add(Step.of(Phase.CREATE_INDEX, ddl.createIndex(table, index)));
    }
    for (ForeignKey key : table.foreignKeys()) {
      if (!key.inherited()) {
        steps.add(Step.of(Phase.ADD_FOREIGN_KEY, ddl.addConstraint(table, key)));
      }
    }
    return steps;
  }

  /**
   * The table's own foreign keys first, so that tables dropped together need no order among them,
   * then the table; a partition before its parent.
   */
  private List<Step> dropTable(SchemaDdl ddl, Catalog catalog, Table table) {
    List<Step> steps = new ArrayList<>();
    for (ForeignKey key : table.foreignKeys()) {
      if (!key.inherited()) {
        steps.add(Step.of(Phase.DROP_FOREIGN_KEY, ddl.dropConstraint(table, key)));
      }
    }
    steps.add(new Step(Phase.DROP_TABLE, depth(catalog, table), ddl.dropTable(table)));
    return steps;
  }

  /** {@code CREATE SCHEMA IF NOT EXISTS} when the other side does not have the object's schema. */
  private static List<Step> createSchema(SchemaDdl ddl, QualifiedName name, Catalog other) {
    return other.schemas().contains(name.schema())
        ? List.of()
        : List.of(Step.of(Phase.CREATE_SCHEMA, ddl.createSchema(name.schema())));
  }

  // Columns

  private void compareColumns(Table want, Table have) {
    Map<String, Column> wanted = byName(want.columns(), Column::name);
    Map<String, Column> present = byName(have.columns(), Column::name);
    for (Column column : want.columns()) {
      Optional<Column> found = Optional.ofNullable(present.get(column.name()));
      String subject = "column " + display(want.name(), column.name());
      if (found.isEmpty()) {
        add(
            DriftKind.MISSING_COLUMN,
            want.name(),
            column.name(),
            subject + " is added by the migrations but missing from the database",
            List.of(Step.of(Phase.DROP_COLUMN, expectedDdl.dropColumn(want, column))),
            List.of(Step.of(Phase.ADD_COLUMN, expectedDdl.addColumn(want, column))));
      } else if (!found.get().equals(column)) {
        add(
            DriftKind.CHANGED_COLUMN,
            want.name(),
            column.name(),
            subject + ": " + String.join(", ", columnChanges(column, found.get())),
            List.of(
                Step.of(
                    Phase.ALTER_COLUMN,
                    String.join("\n", liveDdl.alterColumn(have, column, found.get())))),
            List.of(
                Step.of(
                    Phase.ALTER_COLUMN,
                    String.join("\n", expectedDdl.alterColumn(want, found.get(), column)))));
      }
    }
    for (Column column : have.columns()) {
      if (!wanted.containsKey(column.name())) {
        add(
            DriftKind.UNTRACKED_COLUMN,
            want.name(),
            column.name(),
            "column "
                + display(want.name(), column.name())
                + " is in the database but no migration adds it",
            List.of(Step.of(Phase.ADD_COLUMN, liveDdl.addColumn(have, column))),
            List.of(Step.of(Phase.DROP_COLUMN, liveDdl.dropColumn(have, column))));
      }
    }
  }

  /** Every difference, expected first: {@code type text -> character varying(200)}. */
  static List<String> columnChanges(Column want, Column have) {
    List<String> changes = new ArrayList<>();
    if (!want.type().equals(have.type()) || !want.userType().equals(have.userType())) {
      changes.add("type " + want.type() + " -> " + have.type());
    }
    if (!want.collation().equals(have.collation())) {
      changes.add(
          "collation "
              + want.collation().orElse("default")
              + " -> "
              + have.collation().orElse("default"));
    }
    if (want.nullable() != have.nullable()) {
      changes.add(nullability(want) + " -> " + nullability(have));
    }
    if (!want.defaultExpression().equals(have.defaultExpression())) {
      changes.add(
          "default "
              + want.defaultExpression().orElse("none")
              + " -> "
              + have.defaultExpression().orElse("none"));
    }
    if (!want.identity().equals(have.identity())) {
      changes.add(
          "identity "
              + want.identity().map(identity -> identity.sql()).orElse("none")
              + " -> "
              + have.identity().map(identity -> identity.sql()).orElse("none"));
    }
    if (!want.generatedExpression().equals(have.generatedExpression())) {
      changes.add(
          "generated "
              + want.generatedExpression().orElse("none")
              + " -> "
              + have.generatedExpression().orElse("none"));
    }
    return changes;
  }

  private static String nullability(Column column) {
    return column.nullable() ? "nullable" : "not null";
  }

  // Constraints

  private void compareConstraints(Table want, Table have) {
    Map<String, Constraint> own =
        byName(want.constraints().stream().filter(c -> !c.inherited()).toList(), Constraint::name);
    Map<String, Constraint> present =
        byName(have.constraints().stream().filter(c -> !c.inherited()).toList(), Constraint::name);
    for (String name : names(own, present)) {
      Optional<Constraint> wanted = Optional.ofNullable(own.get(name));
      Optional<Constraint> found = Optional.ofNullable(present.get(name));
      if (wanted.isEmpty()) {
        Constraint constraint = found.get();
        add(
            DriftKind.UNTRACKED_CONSTRAINT,
            want.name(),
            name,
            describe(want, constraint) + " is in the database but no migration creates it",
            List.of(addConstraint(liveDdl, have, constraint)),
            List.of(dropConstraint(liveDdl, have, constraint)));
      } else if (found.isEmpty()) {
        Constraint constraint = wanted.get();
        add(
            DriftKind.MISSING_CONSTRAINT,
            want.name(),
            name,
            describe(want, constraint)
                + " is created by the migrations but missing from the database",
            List.of(dropConstraint(expectedDdl, want, constraint)),
            List.of(addConstraint(expectedDdl, want, constraint)));
      } else if (wanted.get().kind() != found.get().kind()
          || !wanted.get().definition().equals(found.get().definition())) {
        add(
            DriftKind.CHANGED_CONSTRAINT,
            want.name(),
            name,
            "constraint "
                + display(want.name(), name)
                + ": "
                + wanted.get().definition()
                + " -> "
                + found.get().definition(),
            List.of(
                dropConstraint(expectedDdl, want, wanted.get()),
                addConstraint(liveDdl, have, found.get())),
            List.of(
                dropConstraint(liveDdl, have, found.get()),
                addConstraint(expectedDdl, want, wanted.get())));
      }
    }
  }

  private static String describe(Table table, Constraint constraint) {
    String kind =
        switch (constraint.kind()) {
          case PRIMARY_KEY -> "primary key";
          case UNIQUE -> "unique constraint";
          case FOREIGN_KEY -> "foreign key";
          case CHECK -> "check constraint";
          case EXCLUSION -> "exclusion constraint";
        };
    return kind
        + " "
        + display(table.name(), constraint.name())
        + " ("
        + constraint.definition()
        + ")";
  }

  private static Step addConstraint(SchemaDdl ddl, Table table, Constraint constraint) {
    Phase phase =
        constraint.kind() == ConstraintKind.FOREIGN_KEY
            ? Phase.ADD_FOREIGN_KEY
            : Phase.ADD_CONSTRAINT;
    return Step.of(phase, ddl.addConstraint(table, constraint));
  }

  private static Step dropConstraint(SchemaDdl ddl, Table table, Constraint constraint) {
    Phase phase =
        constraint.kind() == ConstraintKind.FOREIGN_KEY
            ? Phase.DROP_FOREIGN_KEY
            : Phase.DROP_CONSTRAINT;
    return Step.of(phase, ddl.dropConstraint(table, constraint));
  }

  // Indexes

  private void compareIndexes(Table want, Table have) {
    Map<String, Index> own = byName(ownIndexes(want), Index::name);
    Map<String, Index> present = byName(ownIndexes(have), Index::name);
    for (String name : names(own, present)) {
      Optional<Index> wanted = Optional.ofNullable(own.get(name));
      Optional<Index> found = Optional.ofNullable(present.get(name));
      String subject = "index " + display(want.name(), name);
      if (wanted.isEmpty()) {
        add(
            DriftKind.UNTRACKED_INDEX,
            want.name(),
            name,
            subject + " is in the database but no migration creates it",
            List.of(Step.of(Phase.CREATE_INDEX, liveDdl.createIndex(have, found.get()))),
            List.of(Step.of(Phase.DROP_INDEX, liveDdl.dropIndex(have, found.get()))));
      } else if (found.isEmpty()) {
        add(
            DriftKind.MISSING_INDEX,
            want.name(),
            name,
            subject + " is created by the migrations but missing from the database",
            List.of(Step.of(Phase.DROP_INDEX, expectedDdl.dropIndex(want, wanted.get()))),
            List.of(Step.of(Phase.CREATE_INDEX, expectedDdl.createIndex(want, wanted.get()))));
      } else if (!wanted.get().definition().equals(found.get().definition())
          || wanted.get().valid() != found.get().valid()) {
        String change =
            wanted.get().definition().equals(found.get().definition())
                ? (found.get().valid()
                    ? "valid in the database only"
                    : "invalid in the database (a failed CREATE INDEX" + " CONCURRENTLY left it)")
                : wanted.get().definition() + " -> " + found.get().definition();
        add(
            DriftKind.CHANGED_INDEX,
            want.name(),
            name,
            subject + ": " + change,
            List.of(
                Step.of(Phase.DROP_INDEX, expectedDdl.dropIndex(want, wanted.get())),
                Step.of(Phase.CREATE_INDEX, liveDdl.createIndex(have, found.get()))),
            List.of(
                Step.of(Phase.DROP_INDEX, liveDdl.dropIndex(have, found.get())),
                Step.of(Phase.CREATE_INDEX, expectedDdl.createIndex(want, wanted.get()))));
      }
    }
  }

  /**
   * The indexes the table declares itself: not a constraint's, not a partition's share of its
   * parent's.
   */
  private static List<Index> ownIndexes(Table table) {
    return table.indexes().stream()
        .filter(index -> !index.constraintBacked() && !index.inherited())
        .toList();
  }

  // Views

  private void compareViews() {
    for (QualifiedName name : union(expected.views(), live.views(), View::name)) {
      Optional<View> want = expectedIndex.view(name);
      Optional<View> have = liveIndex.view(name);
      if (want.isEmpty()) {
        add(
            DriftKind.UNTRACKED_VIEW,
            name,
            null,
            kind(have.get())
                + " "
                + display(name)
                + " is in the database but no migration creates it",
            createView(liveDdl, live, have.get(), expected),
            List.of(dropView(liveDdl, live, have.get())));
      } else if (have.isEmpty()) {
        add(
            DriftKind.MISSING_VIEW,
            name,
            null,
            kind(want.get())
                + " "
                + display(name)
                + " is created by the migrations but missing from the database",
            List.of(dropView(expectedDdl, expected, want.get())),
            createView(expectedDdl, expected, want.get(), live));
      } else if (!want.get().equals(have.get())) {
        String change =
            want.get().materialized() != have.get().materialized()
                ? kind(want.get()) + " -> " + kind(have.get())
                : "definition differs";
        List<Step> live = new ArrayList<>(List.of(dropView(expectedDdl, expected, want.get())));
        live.add(
            new Step(
                Phase.CREATE_VIEW, depth(this.live, have.get()), liveDdl.createView(have.get())));
        List<Step> restore = new ArrayList<>(List.of(dropView(liveDdl, this.live, have.get())));
        restore.add(
            new Step(
                Phase.CREATE_VIEW,
                depth(expected, want.get()),
                expectedDdl.createView(want.get())));
        add(
            DriftKind.CHANGED_VIEW,
            name,
            null,
            "view " + display(name) + ": " + change,
            live,
            restore);
      }
    }
  }

  private static String kind(View view) {
    return view.materialized() ? "materialized view" : "view";
  }

  private List<Step> createView(SchemaDdl ddl, Catalog catalog, View view, Catalog other) {
    List<Step> steps = new ArrayList<>(createSchema(ddl, view.name(), other));
    steps.add(new Step(Phase.CREATE_VIEW, depth(catalog, view), ddl.createView(view)));
    return steps;
  }

  private Step dropView(SchemaDdl ddl, Catalog catalog, View view) {
    return new Step(Phase.DROP_VIEW, depth(catalog, view), ddl.dropView(view));
  }

  // Extensions

  private void compareExtensions() {
    for (Match<Extension> match :
        match(expected.extensions(), live.extensions(), Extension::name)) {
      if (match.want().isEmpty()) {
        Extension have = match.have().get();
        add(
            DriftKind.UNTRACKED_EXTENSION,
            extensionName(have),
            null,
            "extension "
                + CatalogDdl.quote(have.name())
                + " "
                + have.version()
                + " is installed in the database but no migration creates it",
            createExtension(liveDdl, have, expected),
            List.of(Step.of(Phase.DROP_EXTENSION, liveDdl.dropExtension(have))));
      } else if (match.have().isEmpty()) {
        Extension want = match.want().get();
        add(
            DriftKind.MISSING_EXTENSION,
            extensionName(want),
            null,
            "extension "
                + CatalogDdl.quote(want.name())
                + " is created by the migrations but not installed in the database",
            List.of(Step.of(Phase.DROP_EXTENSION, expectedDdl.dropExtension(want))),
            createExtension(expectedDdl, want, live));
      } else if (!match.want().equals(match.have())) {
        Extension want = match.want().get();
        Extension have = match.have().get();
        String changes =
            changes(
                change("version", want.version(), have.version()),
                change("schema", want.schema(), have.schema()));
        add(
            DriftKind.CHANGED_EXTENSION,
            extensionName(have),
            null,
            "extension " + CatalogDdl.quote(have.name()) + ": " + changes,
            List.of(
                Step.of(
                    Phase.ALTER_EXTENSION, String.join("\n", liveDdl.alterExtension(want, have)))),
            List.of(
                Step.of(
                    Phase.ALTER_EXTENSION,
                    String.join("\n", expectedDdl.alterExtension(have, want)))));
      }
    }
  }

  private static QualifiedName extensionName(Extension extension) {
    return QualifiedName.of(extension.schema(), extension.name());
  }

  private static List<Step> createExtension(SchemaDdl ddl, Extension extension, Catalog other) {
    return withSchema(
        ddl,
        extensionName(extension),
        other,
        Step.of(Phase.CREATE_EXTENSION, ddl.createExtension(extension)));
  }

  // Sequences

  private void compareSequences() {
    for (Match<Sequence> match : match(standalone(expected), standalone(live), Sequence::name)) {
      if (match.want().isEmpty()) {
        Sequence have = match.have().get();
        add(
            DriftKind.UNTRACKED_SEQUENCE,
            have.name(),
            null,
            "sequence " + display(have.name()) + " is in the database but no migration creates it",
            withSchema(
                liveDdl,
                have.name(),
                expected,
                Step.of(Phase.CREATE_SEQUENCE, liveDdl.createSequence(have))),
            List.of(Step.of(Phase.DROP_SEQUENCE, liveDdl.dropSequence(have))));
      } else if (match.have().isEmpty()) {
        Sequence want = match.want().get();
        add(
            DriftKind.MISSING_SEQUENCE,
            want.name(),
            null,
            "sequence "
                + display(want.name())
                + " is created by the migrations but missing from the database",
            List.of(Step.of(Phase.DROP_SEQUENCE, expectedDdl.dropSequence(want))),
            withSchema(
                expectedDdl,
                want.name(),
                live,
                Step.of(Phase.CREATE_SEQUENCE, expectedDdl.createSequence(want))));
      } else if (!match.want().equals(match.have())) {
        Sequence want = match.want().get();
        Sequence have = match.have().get();
        String changes =
            changes(
                change("type", want.dataType(), have.dataType()),
                change("increment", want.increment(), have.increment()),
                change("start", want.start(), have.start()));
        add(
            DriftKind.CHANGED_SEQUENCE,
            want.name(),
            null,
            "sequence " + display(want.name()) + ": " + changes,
            List.of(Step.of(Phase.ALTER_SEQUENCE, liveDdl.alterSequence(have))),
            List.of(Step.of(Phase.ALTER_SEQUENCE, expectedDdl.alterSequence(want))));
      }
    }
  }

  /**
   * The sequences no column owns: a column's own is part of its default, compared with the column.
   */
  private static List<Sequence> standalone(Catalog catalog) {
    return catalog.sequences().stream().filter(sequence -> sequence.ownedBy().isEmpty()).toList();
  }

  // Functions and procedures

  private void compareRoutines() {
    for (Match<Routine> match : match(expected.routines(), live.routines(), Routine::signature)) {
      if (match.want().isEmpty()) {
        Routine have = match.have().get();
        add(
            DriftKind.UNTRACKED_FUNCTION,
            have.signature(),
            null,
            describe(have) + " is in the database but no migration creates it",
            withSchema(
                liveDdl,
                have.name(),
                expected,
                Step.of(Phase.CREATE_FUNCTION, liveDdl.createRoutine(have))),
            List.of(Step.of(Phase.DROP_FUNCTION, liveDdl.dropRoutine(have))));
      } else if (match.have().isEmpty()) {
        Routine want = match.want().get();
        add(
            DriftKind.MISSING_FUNCTION,
            want.signature(),
            null,
            describe(want) + " is created by the migrations but missing from the database",
            List.of(Step.of(Phase.DROP_FUNCTION, expectedDdl.dropRoutine(want))),
            withSchema(
                expectedDdl,
                want.name(),
                live,
                Step.of(Phase.CREATE_FUNCTION, expectedDdl.createRoutine(want))));
      } else if (!match.want().equals(match.have())) {
        Routine want = match.want().get();
        Routine have = match.have().get();
        String change =
            want.procedure() != have.procedure()
                ? want.kind() + " -> " + have.kind()
                : "definition differs (body or attributes)";
        List<Step> liveSteps = new ArrayList<>();
        List<Step> restoreSteps = new ArrayList<>();
        if (want.procedure() != have.procedure()) {
          liveSteps.add(Step.of(Phase.DROP_FUNCTION, expectedDdl.dropRoutine(want)));
          restoreSteps.add(Step.of(Phase.DROP_FUNCTION, liveDdl.dropRoutine(have)));
        }
        liveSteps.add(Step.of(Phase.CREATE_FUNCTION, liveDdl.createRoutine(have)));
        restoreSteps.add(Step.of(Phase.CREATE_FUNCTION, expectedDdl.createRoutine(want)));
        add(
            DriftKind.CHANGED_FUNCTION,
            want.signature(),
            null,
            describe(want) + ": " + change,
            liveSteps,
            restoreSteps);
      }
    }
  }

  /** {@code function public.touch(integer)}. */
  private static String describe(Routine routine) {
    return routine.kind() + " " + display(routine.name()) + "(" + routine.arguments() + ")";
  }

  // Triggers

  private void compareTriggers() {
    Function<Trigger, QualifiedName> key =
        trigger -> QualifiedName.of(trigger.table().toString(), trigger.name());
    for (Match<Trigger> match : match(expected.triggers(), live.triggers(), key)) {
      Trigger any = match.want().or(match::have).get();
      String subject = "trigger " + display(any.table(), any.name());
      if (match.want().isEmpty()) {
        Trigger have = match.have().get();
        add(
            DriftKind.UNTRACKED_TRIGGER,
            have.table(),
            have.name(),
            subject + " is in the database but no migration creates it",
            List.of(Step.of(Phase.CREATE_TRIGGER, liveDdl.createTrigger(have))),
            List.of(Step.of(Phase.DROP_TRIGGER, liveDdl.dropTrigger(have))));
      } else if (match.have().isEmpty()) {
        Trigger want = match.want().get();
        add(
            DriftKind.MISSING_TRIGGER,
            want.table(),
            want.name(),
            subject + " is created by the migrations but missing from the database",
            List.of(Step.of(Phase.DROP_TRIGGER, expectedDdl.dropTrigger(want))),
            List.of(Step.of(Phase.CREATE_TRIGGER, expectedDdl.createTrigger(want))));
      } else if (!match.want().equals(match.have())) {
        Trigger want = match.want().get();
        Trigger have = match.have().get();
        if (want.definition().equals(have.definition())) {
          add(
              DriftKind.CHANGED_TRIGGER,
              want.table(),
              want.name(),
              subject + ": fires " + firing(want) + " -> " + firing(have),
              List.of(Step.of(Phase.ALTER_TRIGGER, liveDdl.setTriggerFiring(have))),
              List.of(Step.of(Phase.ALTER_TRIGGER, expectedDdl.setTriggerFiring(want))));
        } else {
          add(
              DriftKind.CHANGED_TRIGGER,
              want.table(),
              want.name(),
              subject + ": " + want.definition() + " -> " + have.definition(),
              List.of(
                  Step.of(Phase.DROP_TRIGGER, expectedDdl.dropTrigger(want)),
                  Step.of(Phase.CREATE_TRIGGER, liveDdl.createTrigger(have))),
              List.of(
                  Step.of(Phase.DROP_TRIGGER, liveDdl.dropTrigger(have)),
                  Step.of(Phase.CREATE_TRIGGER, expectedDdl.createTrigger(want))));
        }
      }
    }
  }

  private static String firing(Trigger trigger) {
    return trigger.firing().name().toLowerCase(Locale.ROOT);
  }

  // Helpers

  /** {@code version 1.6 -> 1.7} when the two differ. */
  private static Optional<String> change(String what, Object want, Object have) {
    return want.equals(have) ? Optional.empty() : Optional.of(what + " " + want + " -> " + have);
  }

  @SafeVarargs
  private static String changes(Optional<String>... changes) {
    return Stream.of(changes).flatMap(Optional::stream).collect(Collectors.joining(", "));
  }

  /** An object on one side or both, by key. */
  private record Match<T>(Optional<T> want, Optional<T> have) {}

  /** Each key of either side, sorted, with the expected and the live object of that key. */
  private static <T, K extends Comparable<K>> List<Match<T>> match(
      List<T> wanted, List<T> present, Function<T, K> key) {
    Map<K, T> want = new HashMap<>();
    wanted.forEach(item -> want.putIfAbsent(key.apply(item), item));
    Map<K, T> have = new HashMap<>();
    present.forEach(item -> have.putIfAbsent(key.apply(item), item));
    Set<K> keys = new TreeSet<>(want.keySet());
    keys.addAll(have.keySet());
    return keys.stream()
        .map(k -> new Match<>(Optional.ofNullable(want.get(k)), Optional.ofNullable(have.get(k))))
        .toList();
  }

  /**
   * The step, after {@code CREATE SCHEMA} when the other side does not have the object's schema.
   */
  private static List<Step> withSchema(
      SchemaDdl ddl, QualifiedName name, Catalog other, Step step) {
    List<Step> steps = new ArrayList<>(createSchema(ddl, name, other));
    steps.add(step);
    return steps;
  }

  private void add(
      DriftKind kind,
      QualifiedName object,
      String member,
      String description,
      List<Step> liveSteps,
      List<Step> restoreSteps) {
    drifts.add(new Drift(kind, object, member, description, liveSteps, restoreSteps));
  }

  /** How many ancestors a partition has within the catalog. */
  private int depth(Catalog catalog, Table table) {
    CatalogIndex index = indexOf(catalog);
    int depth = 0;
    Set<QualifiedName> seen = new HashSet<>();
    Optional<Table> current = Optional.of(table);
    while (current.get().partitionOf().isPresent() && seen.add(current.get().name())) {
      current = index.table(current.get().partitionOf().get().parent());
      if (current.isEmpty()) {
        break;
      }
      depth++;
    }
    return depth;
  }

  /**
   * The length of the longest chain of views the view reads, within the catalog (a view read
   * through a cycle counts once). Each view's length is worked out once per catalog, with a stack
   * of its own rather than a call per view of the chain: a chain of thousands of views would
   * overflow the thread's stack, and be walked again for each view.
   */
  private int depth(Catalog catalog, View view) {
    Map<QualifiedName, Integer> depths =
        viewDepths.computeIfAbsent(catalog, ignored -> new HashMap<>());
    CatalogIndex index = indexOf(catalog);
    Set<QualifiedName> onPath = new HashSet<>();
    Deque<View> pending = new ArrayDeque<>();
    pending.push(view);
    while (!pending.isEmpty()) {
      View top = pending.peek();
      if (depths.containsKey(top.name())) {
        pending.pop();
      } else if (onPath.add(top.name())) {
        for (QualifiedName dependency : top.dependsOn()) {
          index
              .view(dependency)
              .filter(read -> !depths.containsKey(read.name()) && !onPath.contains(read.name()))
              .ifPresent(pending::push);
        }
      } else {
        int depth = 0;
        for (QualifiedName dependency : top.dependsOn()) {
          if (index.view(dependency).isPresent()) {
            depth = Math.max(depth, 1 + depths.getOrDefault(dependency, 0));
          }
        }
        depths.put(top.name(), depth);
        onPath.remove(top.name());
        pending.pop();
      }
    }
    return depths.get(view.name());
  }

  /**
   * The first item of each name, looked up in constant time: a table of thousands of columns stays
   * linear.
   */
  private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
    Map<String, T> map = new HashMap<>();
    items.forEach(item -> map.putIfAbsent(name.apply(item), item));
    return map;
  }

  private CatalogIndex indexOf(Catalog catalog) {
    return catalog == expected ? expectedIndex : liveIndex;
  }

  /** The names of either side, sorted. */
  private static Set<String> names(Map<String, ?> left, Map<String, ?> right) {
    Set<String> names = new TreeSet<>(left.keySet());
    names.addAll(right.keySet());
    return names;
  }

  private static <T, K extends Comparable<K>> Set<K> union(
      List<T> left, List<T> right, Function<T, K> key) {
    return Stream.concat(left.stream(), right.stream())
        .map(key)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  /**
   * A name as a reader expects it: {@code "Post"} in {@code public}, {@code "audit"."Event"}
   * elsewhere.
   */
  static String display(QualifiedName name) {
    return name.schema().equals("public") ? CatalogDdl.quote(name.name()) : name.quoted();
  }

  static String display(QualifiedName name, String member) {
    return display(name) + "." + CatalogDdl.quote(member);
  }

  private static String values(List<String> values) {
    return "(" + values.stream().map(CatalogDdl::literal).collect(Collectors.joining(", ")) + ")";
  }
}
