package io.driftwatch.core.effect;

import io.driftwatch.core.catalog.CatalogDdl;
import io.driftwatch.core.catalog.ConstraintKind;
import io.driftwatch.core.sql.SqlStatement;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One thing a statement does.
 *
 * @param object what it creates, drops, renames (the new name), alters or writes rows of; for
 *     {@link Action#UNKNOWN}, the table or schema it was found to touch, if any
 * @param previous for {@link Action#RENAME}, the old name
 * @param detail what an {@link Action#ALTER} changes ({@code TYPE "text"}, {@code SET NOT NULL},
 *     ...) or the kind of constraint created ({@code PRIMARY KEY}, {@code UNIQUE}, {@code FOREIGN
 *     KEY}, {@code CHECK}); else empty
 * @param guarded written to be run twice: {@code IF [NOT] EXISTS}, {@code OR REPLACE}; an INSERT
 *     with {@code ON CONFLICT} or a {@code NOT EXISTS} test
 * @param everyRow for UPDATE and DELETE, no WHERE clause; TRUNCATE is always every row
 * @param requires what must exist before the statement runs (the table altered, the table
 *     referenced)
 * @param implicitName for an object the statement does not name, how PostgreSQL names it; {@code
 *     object} then holds the name it gets when nothing else has it ({@link ObjectSet#named} chooses
 *     it on a database)
 * @param details what the reading knows besides, by kind of effect ({@link Details})
 */
public record Effect(
    Action action,
    SchemaObject object,
    Optional<SchemaObject> previous,
    String detail,
    boolean guarded,
    boolean everyRow,
    List<SchemaObject> requires,
    SqlStatement statement,
    Optional<ImplicitName> implicitName,
    Details details) {

  public enum Action {
    CREATE,
    DROP,
    RENAME,
    ALTER,
    INSERT,
    UPDATE,
    DELETE,
    TRUNCATE,
    /** Not read: a DO block, a function, a trigger, a grant... Its effect cannot be checked. */
    UNKNOWN;

    /** True for the actions that change rows, not structure. */
    public boolean writesRows() {
      return this == INSERT || this == UPDATE || this == DELETE || this == TRUNCATE;
    }
  }

  /**
   * What an effect of one kind says besides its object, each part empty for the others.
   *
   * @param columns for a created index, the columns of its table it lists, as read (an expression
   *     as PostgreSQL names its index column); else empty: a {@code DROP COLUMN} of one drops it
   * @param columnChange what an {@code ALTER COLUMN} changes
   * @param definition for a created column, what it is declared with
   * @param notValid for a created constraint, added {@code NOT VALID}: existing rows are not
   *     checked
   * @param constraint for a created constraint, its kind
   * @param cascades for a DROP, {@code CASCADE}: what depends on the object goes too
   * @param written how the script names the object, for findings that quote it ({@link
   *     #writtenOwner}, {@link #writtenPart})
   */
  public record Details(
      List<String> columns,
      ColumnChange columnChange,
      ColumnDefinition definition,
      boolean notValid,
      Optional<ConstraintKind> constraint,
      boolean cascades,
      Written written) {

    public static final Details NONE =
        new Details(
            List.of(),
            ColumnChange.NONE,
            ColumnDefinition.NONE,
            false,
            Optional.empty(),
            false,
            Written.NONE);

    public Details {
      columns = List.copyOf(columns);
      Objects.requireNonNull(columnChange, "columnChange");
      Objects.requireNonNull(definition, "definition");
      Objects.requireNonNull(constraint, "constraint");
      Objects.requireNonNull(written, "written");
    }

    Details withColumns(List<String> used) {
      return new Details(used, columnChange, definition, notValid, constraint, cascades, written);
    }

    Details withColumnChange(ColumnChange change) {
      return new Details(columns, change, definition, notValid, constraint, cascades, written);
    }

    Details withDefinition(ColumnDefinition declared) {
      return new Details(columns, columnChange, declared, notValid, constraint, cascades, written);
    }

    Details notValidated() {
      return new Details(columns, columnChange, definition, true, constraint, cascades, written);
    }

    Details withConstraint(ConstraintKind kind) {
      return new Details(
          columns, columnChange, definition, notValid, Optional.of(kind), cascades, written);
    }

    Details cascading() {
      return new Details(columns, columnChange, definition, notValid, constraint, true, written);
    }

    Details withWritten(Written as) {
      return new Details(columns, columnChange, definition, notValid, constraint, cascades, as);
    }
  }

  public Effect {
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(previous, "previous");
    Objects.requireNonNull(detail, "detail");
    Objects.requireNonNull(statement, "statement");
    requires = List.copyOf(requires);
    Objects.requireNonNull(implicitName, "implicitName");
    Objects.requireNonNull(details, "details");
  }

  public Effect(
      Action action,
      SchemaObject object,
      Optional<SchemaObject> previous,
      String detail,
      boolean guarded,
      boolean everyRow,
      List<SchemaObject> requires,
      SqlStatement statement,
      Optional<ImplicitName> implicitName) {
    this(
        action,
        object,
        previous,
        detail,
        guarded,
        everyRow,
        requires,
        statement,
        implicitName,
        Details.NONE);
  }

  public Effect(
      Action action,
      SchemaObject object,
      Optional<SchemaObject> previous,
      String detail,
      boolean guarded,
      boolean everyRow,
      List<SchemaObject> requires,
      SqlStatement statement) {
    this(
        action, object, previous, detail, guarded, everyRow, requires, statement, Optional.empty());
  }

  /** For a created index, the columns it lists ({@link Details#columns}). */
  public List<String> columns() {
    return details.columns();
  }

  /** What an ALTER COLUMN changes ({@link Details#columnChange}). */
  public ColumnChange columnChange() {
    return details.columnChange();
  }

  /** What a created column is declared with ({@link Details#definition}). */
  public ColumnDefinition definition() {
    return details.definition();
  }

  /** True for a constraint added NOT VALID ({@link Details#notValid}). */
  public boolean notValid() {
    return details.notValid();
  }

  /** The kind of a created constraint ({@link Details#constraint}). */
  public Optional<ConstraintKind> constraintKind() {
    return details.constraint();
  }

  /** True for a DROP ... CASCADE ({@link Details#cascades}). */
  public boolean cascades() {
    return details.cascades();
  }

  /** How the script names the object ({@link Details#written}). */
  public Written written() {
    return details.written();
  }

  /** The same effect on an object of another name (the one PostgreSQL chose). */
  public Effect withObject(SchemaObject other) {
    return new Effect(
        action,
        other,
        previous,
        detail,
        guarded,
        everyRow,
        requires,
        statement,
        implicitName,
        details);
  }

  /**
   * The same effect of another statement: the same one cut short ({@link SqlStatement#cut}), to be
   * kept.
   */
  public Effect withStatement(SqlStatement other) {
    return new Effect(
        action,
        object,
        previous,
        detail,
        guarded,
        everyRow,
        requires,
        other,
        implicitName,
        details);
  }

  private Effect withDetails(Details other) {
    return new Effect(
        action,
        object,
        previous,
        detail,
        guarded,
        everyRow,
        requires,
        statement,
        implicitName,
        other);
  }

  /** The same effect, on the columns it lists ({@link #columns}). */
  /** This effect with another detail (MySQL's FULLTEXT or SPATIAL index). */
  Effect withDetail(String what) {
    return new Effect(
        action,
        object,
        previous,
        what,
        guarded,
        everyRow,
        requires,
        statement,
        implicitName,
        details);
  }

  /** This effect needing these objects first (MySQL's RENAME INDEX names its table). */
  Effect withRequires(List<SchemaObject> needed) {
    return new Effect(
        action,
        object,
        previous,
        detail,
        guarded,
        everyRow,
        needed,
        statement,
        implicitName,
        details);
  }

  public Effect withColumns(List<String> used) {
    return withDetails(details.withColumns(used));
  }

  /** The same effect, making this change to its column ({@link #columnChange}). */
  public Effect withColumnChange(ColumnChange change) {
    return withDetails(details.withColumnChange(change));
  }

  /** The same effect of a created column, declared so. */
  public Effect withDefinition(ColumnDefinition declared) {
    return withDetails(details.withDefinition(declared));
  }

  /** The same effect of a created constraint, added {@code NOT VALID}. */
  public Effect notValidated() {
    return withDetails(details.notValidated());
  }

  /** The same effect of a created constraint of this kind. */
  public Effect withConstraint(ConstraintKind kind) {
    return withDetails(details.withConstraint(kind));
  }

  /** The same DROP, with {@code CASCADE}. */
  public Effect cascading() {
    return withDetails(details.cascading());
  }

  /** The same effect, its object named as the script writes it. */
  public Effect withWritten(Written as) {
    return withDetails(details.withWritten(as));
  }

  /**
   * The table (or type) of the object as the script writes it ({@code "User"}, {@code audit.log});
   * as the catalog names it when the reading did not keep it.
   */
  public String writtenOwner() {
    return written().owner().isEmpty() ? object.owner().sqlName() : written().owner();
  }

  /**
   * The column of the object as the script writes it; as the catalog names it when not kept; empty
   * for an object that is no column.
   */
  public String writtenPart() {
    if (!written().part().isEmpty()) {
      return written().part();
    }
    return object.part().isEmpty() ? "" : CatalogDdl.quote(object.part());
  }

  /**
   * Of a rename, the new name as the script writes it ({@code "fullName"}); as the catalog names it
   * when not kept.
   */
  public String writtenRenamedTo() {
    return written().renamedTo().isEmpty()
        ? CatalogDdl.quote(object.part().isEmpty() ? object.name().name() : object.part())
        : written().renamedTo();
  }

  /** For messages: {@code create table "public"."User"}. */
  public String describe() {
    String what = action.name().toLowerCase(Locale.ROOT) + " " + object.describe();
    return switch (action) {
      case RENAME ->
          "rename " + previous.map(SchemaObject::describe).orElse("?") + " to " + object.sqlName();
      case ALTER -> "alter " + object.describe() + (detail.isEmpty() ? "" : " " + detail);
      case UPDATE, DELETE ->
          action.name().toLowerCase(Locale.ROOT)
              + (everyRow ? " every row of " : " rows of ")
              + object.sqlName();
      case INSERT -> "insert rows into " + object.sqlName();
      case TRUNCATE -> "truncate " + object.sqlName();
      case UNKNOWN -> "unread statement";
      default -> what;
    };
  }
}
