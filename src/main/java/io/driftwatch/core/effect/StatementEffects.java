package io.driftwatch.core.effect;

import io.driftwatch.core.catalog.ConstraintKind;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.effect.Effect.Action;
import io.driftwatch.core.effect.SchemaObject.Kind;
import io.driftwatch.core.sql.Lexicon;
import io.driftwatch.core.sql.PostgresLexicon;
import io.driftwatch.core.sql.SqlStatement;
import io.driftwatch.core.sql.SqlToken;
import io.driftwatch.core.sql.SqlTokens;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Set;

/**
 * PostgreSQL's {@link EffectReader}: reads a statement as the {@link Effect}s it has on the schema:
 * the DDL Prisma generates ({@code CREATE TABLE}, {@code ALTER TABLE ... ADD COLUMN}, {@code CREATE
 * UNIQUE INDEX}, {@code CREATE TYPE ... AS ENUM}, {@code ALTER TYPE ... ADD VALUE}, the drops and
 * renames) and the usual hand-written additions (views, extensions, schemas, sequences, INSERT /
 * UPDATE / DELETE / TRUNCATE). Anything else (a DO block, a function, a trigger, a grant) is one
 * {@link Action#UNKNOWN} effect: never guessed. Transaction control has no effect.
 *
 * <p>Unqualified names resolve to the migration's schema, as Prisma's {@code search_path} does.
 */
public final class StatementEffects implements EffectReader {

  private static final Set<String> CONSTRAINT_STARTS =
      Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "CHECK", "FOREIGN", "EXCLUDE", "LIKE");

  /**
   * The statements of one script read as effects; a script of more is not read (see {@link
   * #ofScript}).
   */
  public static final int MAX_STATEMENTS = 20_000;

  /** The changes read from one script, or from all the pending migrations of a deploy together. */
  public static final int MAX_EFFECTS = 50_000;

  private final String schema;
  private final ObjectNaming naming;
  private final boolean mysql;

  /**
   * @param schema the migration's schema, for unqualified names ({@code public} unless the URL
   *     says)
   */
  public StatementEffects(String schema) {
    this(schema, ObjectNaming.POSTGRES);
  }

  /**
   * @param naming how the database names what a statement leaves unnamed (MySQL's rules for a MySQL
   *     script read with this grammar)
   */
  public StatementEffects(String schema, ObjectNaming naming) {
    this(schema, naming, Grammar.POSTGRES);
  }

  /**
   * @param grammar {@link Grammar#MYSQL} also reads the forms only MySQL and MariaDB have
   */
  public StatementEffects(String schema, ObjectNaming naming, Grammar grammar) {
    this.schema = schema;
    this.naming = naming;
    this.mysql = grammar == Grammar.MYSQL;
  }

  /**
   * Whose statements are read. MySQL's shares PostgreSQL's shape for what Prisma writes (CREATE
   * TABLE, CREATE INDEX, ALTER TABLE ADD/DROP COLUMN, ADD CONSTRAINT, DROP TABLE) and adds its own:
   * {@code MODIFY} and {@code CHANGE} (a column restated whole: read as a type change, which
   * rebuilds the table), {@code DROP FOREIGN KEY / PRIMARY KEY / INDEX / CHECK}, {@code RENAME
   * INDEX}, {@code RENAME TABLE}, {@code DROP INDEX ... ON}, indexes declared in CREATE TABLE and
   * ALTER TABLE ADD ({@code UNIQUE INDEX `x`(`c`)}, {@code FULLTEXT}, {@code SPATIAL}), {@code
   * INSERT IGNORE} and {@code ON DUPLICATE KEY UPDATE}.
   */
  public enum Grammar {
    POSTGRES,
    MYSQL
  }

  /**
   * Every effect of a whole migration script, split as PostgreSQL splits it, in order.
   *
   * @throws TooLarge when the script holds over {@link #MAX_STATEMENTS} statements or makes over
   *     {@link #MAX_EFFECTS} changes
   */
  public List<Effect> ofScript(String sql) {
    return ofScript(sql, MAX_EFFECTS);
  }

  /**
   * As {@link #ofScript(String)}, with at most {@code maxEffects} changes: the reading stops
   * beyond. An effect costs a few hundred bytes kept, twenty times the {@code "a" TEXT,} that makes
   * it: the bound keeps a script within the size limits from taking the heap of the service.
   */
  public List<Effect> ofScript(String sql, int maxEffects) {
    return ScriptReading.of(sql, PostgresLexicon.INSTANCE, this).all(maxEffects);
  }

  /** A script too large to read as effects: see {@link #ofScript(String, int)}. */
  public static final class TooLarge extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TooLarge(String why) {
      super(why, null, false, false);
    }
  }

  /** Every effect of every statement, in order. */
  public List<Effect> of(List<SqlStatement> statements) {
    List<Effect> effects = new ArrayList<>();
    for (SqlStatement statement : statements) {
      effects.addAll(of(statement));
    }
    return effects;
  }

  /** The effects of one statement; one UNKNOWN effect when it is not read. */
  @Override
  public List<Effect> of(SqlStatement statement) {
    if (statement.isTransactionControl() || statement.unparsed() && statement.text().isBlank()) {
      return List.of();
    }
    Reading reading = new Reading(statement, new Cursor(new Tokens(statement)));
    try {
      reading.read();
    } catch (RuntimeException unreadable) {
      reading.effects.clear();
    }
    if (reading.effects.isEmpty() && !reading.harmless) {
      return List.of(
          new Effect(
              Action.UNKNOWN,
              SchemaObject.schema(schema),
              Optional.empty(),
              "",
              false,
              false,
              List.of(),
              statement));
    }
    return List.copyOf(reading.effects);
  }

  /**
   * The table a {@code CREATE TABLE} creates, read from its head alone: what the lint needs of a
   * table the migration makes (nobody uses it yet), without reading every column of it.
   */
  @Override
  public Optional<QualifiedName> tableCreated(SqlStatement statement) {
    if (!statement.is("CREATE") || statement.unparsed()) {
      return Optional.empty();
    }
    Cursor in = new Cursor(new Tokens(statement));
    try {
      in.expect("CREATE");
      while (in.acceptAny("GLOBAL", "LOCAL", "TEMP", "TEMPORARY", "UNLOGGED")) {
        // as create() reads it
      }
      if (!in.accept("TABLE")) {
        return Optional.empty();
      }
      in.accept("IF", "NOT", "EXISTS");
      return Optional.of(in.qualifiedName(schema));
    } catch (RuntimeException unreadable) {
      return Optional.empty();
    }
  }

  /**
   * How the statement runs ({@link StatementTrait}), read from its tokens: words in strings and
   * comments do not count. A statement that mentions neither trait's word is not read.
   */
  @Override
  public Set<StatementTrait> traits(SqlStatement statement) {
    Set<StatementTrait> traits = EnumSet.noneOf(StatementTrait.class);
    if (statement.mayContain("CONCURRENTLY")
        && (statement.is("CREATE")
            || statement.is("DROP")
            || statement.is("REINDEX")
            || statement.is("ALTER", "TABLE")
            || statement.is("REFRESH"))
        && new Cursor(new Tokens(statement)).containsWord("CONCURRENTLY")) {
      traits.add(StatementTrait.CONCURRENTLY);
    }
    if (statement.mayContain("lock_timeout") && setsLockTimeout(statement)) {
      traits.add(StatementTrait.SETS_LOCK_TIMEOUT);
    }
    return traits;
  }

  private static boolean setsLockTimeout(SqlStatement statement) {
    Cursor in = new Cursor(new Tokens(statement));
    try {
      if (in.accept("SET")) {
        in.acceptAny("SESSION", "LOCAL");
        return in.peekName() && in.name().equals("lock_timeout");
      }
      return in.containsCall("SET_CONFIG", "lock_timeout");
    } catch (RuntimeException unreadable) {
      return false;
    }
  }

  /** One statement being read. */
  private final class Reading {
    final SqlStatement statement;
    final Cursor in;
    final List<Effect> effects = new ArrayList<>();

    /** Read, and known to change nothing a plan checks: SET, COMMENT ON, ANALYZE, SELECT. */
    boolean harmless;

    Reading(SqlStatement statement, Cursor in) {
      this.statement = statement;
      this.in = in;
    }

    void add(
        Action action,
        SchemaObject object,
        String detail,
        boolean guarded,
        List<SchemaObject> requires) {
      effects.add(
          new Effect(
              action, object, Optional.empty(), detail, guarded, false, requires, statement));
    }

    /** As {@link #add}, the object named as the script writes it. */
    void add(
        Action action,
        SchemaObject object,
        String detail,
        boolean guarded,
        List<SchemaObject> requires,
        Written written) {
      add(action, object, detail, guarded, requires);
      int last = effects.size() - 1;
      effects.set(last, effects.get(last).withWritten(written));
    }

    /** Creates what PostgreSQL names itself; named as it is when nothing else has the name. */
    void addImplicit(
        ImplicitName name, String detail, boolean guarded, List<SchemaObject> requires) {
      List<String> used = name.columns().stream().distinct().toList();
      String named = name.choose(ignored -> false, used.size() == 1 ? used.get(0) : null);
      effects.add(
          new Effect(
              Action.CREATE,
              name.object(named),
              Optional.empty(),
              detail,
              guarded,
              false,
              requires,
              statement,
              Optional.of(name)));
    }

    /** A constraint: as it is named, or as PostgreSQL names it. */
    void addConstraint(
        Optional<String> named,
        ImplicitName implicit,
        ConstraintKind kind,
        boolean guarded,
        List<SchemaObject> requires) {
      if (named.isPresent()) {
        add(
            Action.CREATE,
            SchemaObject.constraint(implicit.table(), named.get()),
            kind.sql(),
            guarded,
            requires);
      } else {
        addImplicit(implicit, kind.sql(), guarded, requires);
      }
      int last = effects.size() - 1;
      effects.set(last, effects.get(last).withConstraint(kind));
    }

    void read() {
      if (in.accept("CREATE")) {
        create();
      } else if (in.accept("DROP")) {
        drop();
      } else if (in.accept("ALTER")) {
        alter();
      } else if (in.accept("INSERT", "INTO")) {
        insert(false);
      } else if (mysql && in.accept("INSERT", "IGNORE")) {
        in.accept("INTO");
        insert(true);
      } else if (mysql && in.accept("RENAME", "TABLE")) {
        renameTables();
      } else if (in.accept("UPDATE")) {
        in.accept("ONLY");
        QualifiedName table = in.qualifiedName(schema);
        Written written = Written.owner(in.written());
        writeRows(Action.UPDATE, table, !in.containsWordAtDepth0("WHERE"), written);
      } else if (in.accept("DELETE", "FROM")) {
        in.accept("ONLY");
        QualifiedName table = in.qualifiedName(schema);
        Written written = Written.owner(in.written());
        writeRows(Action.DELETE, table, !in.containsWordAtDepth0("WHERE"), written);
      } else if (in.accept("TRUNCATE")) {
        in.accept("TABLE");
        in.accept("ONLY");
        do {
          QualifiedName table = in.qualifiedName(schema);
          writeRows(Action.TRUNCATE, table, true, Written.owner(in.written()));
        } while (in.acceptSymbol(","));
      } else if (in.peekAny("SET", "RESET", "COMMENT", "ANALYZE", "VACUUM", "SELECT", "NOTIFY")) {
        harmless = true;
      }
    }

    void writeRows(Action action, QualifiedName table, boolean everyRow, Written written) {
      SchemaObject target = SchemaObject.of(Kind.TABLE, table);
      effects.add(
          new Effect(
                  action, target, Optional.empty(), "", false, everyRow, List.of(target), statement)
              .withWritten(written));
    }

    void insert(boolean ignoresDuplicates) {
      QualifiedName table = in.qualifiedName(schema);
      Written written = Written.owner(in.written());
      SchemaObject target = SchemaObject.of(Kind.TABLE, table);
      boolean runsTwice =
          ignoresDuplicates
              || in.containsSequence("ON", "CONFLICT")
              || in.containsSequence("NOT", "EXISTS")
              || (mysql && in.containsSequence("DUPLICATE", "KEY"));
      effects.add(
          new Effect(
                  Action.INSERT,
                  target,
                  Optional.empty(),
                  "",
                  runsTwice,
                  false,
                  List.of(target),
                  statement)
              .withWritten(written));
    }

    void create() {
      boolean orReplace = in.accept("OR", "REPLACE");
      boolean unique = in.accept("UNIQUE");
      String mySqlKind =
          !mysql ? "" : in.accept("FULLTEXT") ? "FULLTEXT" : in.accept("SPATIAL") ? "SPATIAL" : "";
      while (in.acceptAny("GLOBAL", "LOCAL", "TEMP", "TEMPORARY", "UNLOGGED")) {
        // a table's persistence does not change what it is named
      }
      if (in.accept("TABLE")) {
        createTable();
      } else if (in.accept("INDEX")) {
        createIndex(unique);
        if (!mySqlKind.isEmpty()) {
          int last = effects.size() - 1;
          effects.set(last, effects.get(last).withDetail(mySqlKind));
        }
      } else if (in.accept("TYPE")) {
        QualifiedName type = in.qualifiedName(schema);
        if (in.accept("AS", "ENUM")) {
          add(Action.CREATE, SchemaObject.of(Kind.ENUM, type), "", false, List.of());
        }
      } else if (in.accept("MATERIALIZED", "VIEW") || in.accept("VIEW")) {
        boolean ifNotExists = in.accept("IF", "NOT", "EXISTS");
        add(
            Action.CREATE,
            SchemaObject.of(Kind.VIEW, in.qualifiedName(schema)),
            "",
            orReplace || ifNotExists,
            List.of());
      } else if (in.accept("EXTENSION")) {
        boolean ifNotExists = in.accept("IF", "NOT", "EXISTS");
        add(Action.CREATE, SchemaObject.extension(in.name()), "", ifNotExists, List.of());
      } else if (in.accept("SCHEMA")) {
        boolean ifNotExists = in.accept("IF", "NOT", "EXISTS");
        add(Action.CREATE, SchemaObject.schema(in.name()), "", ifNotExists, List.of());
      } else if (in.accept("SEQUENCE")) {
        boolean ifNotExists = in.accept("IF", "NOT", "EXISTS");
        add(
            Action.CREATE,
            SchemaObject.of(Kind.SEQUENCE, in.qualifiedName(schema)),
            "",
            ifNotExists,
            List.of());
      }
    }

    /** MySQL's {@code RENAME TABLE a TO b, c TO d}. */
    void renameTables() {
      do {
        QualifiedName from = in.qualifiedName(schema);
        Written written = Written.owner(in.written());
        in.expect("TO");
        QualifiedName to = in.qualifiedName(from.schema());
        rename(
            SchemaObject.of(Kind.TABLE, from),
            SchemaObject.of(Kind.TABLE, to),
            false,
            written.renamedTo(in.written()));
      } while (in.acceptSymbol(","));
    }

    /** MySQL's {@code INDEX x(...)}, {@code UNIQUE KEY x(...)}, {@code FULLTEXT INDEX x(...)}. */
    boolean isMySqlIndex(Cursor element) {
      return mysql
          && (element.peekAny("INDEX", "KEY", "FULLTEXT", "SPATIAL")
              || element.peek("UNIQUE", "INDEX")
              || element.peek("UNIQUE", "KEY"));
    }

    /** An index declared inside CREATE TABLE or by ALTER TABLE ADD, named or named by MySQL. */
    void mySqlIndex(Cursor element, QualifiedName table, boolean guarded, Reading unnamed) {
      boolean unique = element.accept("UNIQUE");
      String kind =
          element.accept("FULLTEXT") ? "FULLTEXT" : element.accept("SPATIAL") ? "SPATIAL" : "";
      element.acceptAny("INDEX", "KEY");
      Optional<String> name = element.peekName() ? Optional.of(element.name()) : Optional.empty();
      if (element.accept("USING")) {
        element.name();
      }
      List<String> columns = element.indexColumns();
      SchemaObject onTable = SchemaObject.of(Kind.TABLE, table);
      Reading to = name.isPresent() ? this : unnamed;
      if (name.isPresent()) {
        add(
            Action.CREATE,
            SchemaObject.of(Kind.INDEX, QualifiedName.of(table.schema(), name.get())),
            unique ? "UNIQUE" : kind,
            guarded,
            List.of(onTable));
      } else {
        to.addImplicit(
            new ImplicitName(
                Kind.INDEX, table, ImplicitName.indexColumnNames(columns), "idx", naming),
            unique ? "UNIQUE" : kind,
            guarded,
            List.of(onTable));
      }
      int last = to.effects.size() - 1;
      to.effects.set(last, to.effects.get(last).withColumns(columns));
    }

    /**
     * The ALTER TABLE actions only MySQL has; false when the action is not one of them.
     *
     * @return whether the action was read here
     */
    boolean mySqlAlterAction(
        Cursor action, QualifiedName table, Written tableWritten, List<SchemaObject> needsTable) {
      if (action.accept("DROP", "FOREIGN", "KEY") || action.accept("DROP", "CHECK")) {
        add(Action.DROP, SchemaObject.constraint(table, action.name()), "", false, needsTable);
      } else if (action.accept("DROP", "PRIMARY", "KEY")) {
        add(Action.DROP, SchemaObject.constraint(table, "PRIMARY"), "", false, needsTable);
      } else if (action.accept("DROP", "INDEX") || action.accept("DROP", "KEY")) {
        add(
            Action.DROP,
            SchemaObject.of(Kind.INDEX, QualifiedName.of(table.schema(), action.name())),
            "",
            false,
            needsTable);
      } else if (action.accept("RENAME", "INDEX") || action.accept("RENAME", "KEY")) {
        String from = action.name();
        action.expect("TO");
        rename(
            SchemaObject.of(Kind.INDEX, QualifiedName.of(table.schema(), from)),
            SchemaObject.of(Kind.INDEX, QualifiedName.of(table.schema(), action.name())),
            false);
        int last = effects.size() - 1;
        effects.set(last, effects.get(last).withRequires(needsTable));
      } else if (action.accept("RENAME", "AS")) {
        String to = action.name();
        rename(
            SchemaObject.of(Kind.TABLE, table),
            SchemaObject.of(Kind.TABLE, QualifiedName.of(table.schema(), to)),
            false,
            tableWritten.renamedTo(action.written()));
      } else if (action.accept("MODIFY")) {
        action.accept("COLUMN");
        restated(action, table, action.name(), tableWritten, needsTable);
      } else if (action.accept("CHANGE")) {
        action.accept("COLUMN");
        String from = action.name();
        Written fromWritten = tableWritten.withPart(action.written());
        String to = action.copy().name();
        if (!from.equals(to)) {
          rename(
              SchemaObject.column(table, from),
              SchemaObject.column(table, to),
              false,
              fromWritten.renamedTo(to));
        }
        restated(action, table, action.name(), tableWritten, needsTable);
      } else {
        return false;
      }
      return true;
    }

    /**
     * A column MySQL restates whole ({@code MODIFY}, {@code CHANGE}): type, nullability and default
     * all given again, the table usually rebuilt; read as a type change, whose reverse restates the
     * previous definition.
     */
    void restated(
        Cursor definition,
        QualifiedName table,
        String column,
        Written tableWritten,
        List<SchemaObject> needsTable) {
      SchemaObject object = SchemaObject.column(table, column);
      Written columnWritten = tableWritten.withPart(definition.written());
      String clause = definition.copy().restAsWritten();
      add(
          Action.ALTER,
          object,
          "MODIFY " + clause,
          false,
          concat(needsTable, List.of(object)),
          columnWritten);
      int last = effects.size() - 1;
      effects.set(
          last,
          effects
              .get(last)
              .withColumnChange(ColumnChange.SET_TYPE)
              .withDefinition(definition.copy().columnDefinition()));
    }

    void createTable() {
      boolean ifNotExists = in.accept("IF", "NOT", "EXISTS");
      QualifiedName table = in.qualifiedName(schema);
      List<SchemaObject> requires = new ArrayList<>();
      if (in.accept("PARTITION", "OF")) {
        requires.add(SchemaObject.of(Kind.TABLE, in.qualifiedName(schema)));
      }
      SchemaObject created = SchemaObject.of(Kind.TABLE, table);
      add(Action.CREATE, created, "", ifNotExists, requires);
      if (!in.acceptSymbol("(")) {
        return;
      }
      List<Cursor> elements = in.elementsUntilClose();
      Set<String> columns = new HashSet<>();
      for (Cursor element : elements) {
        if (!element.peekAny(CONSTRAINT_STARTS.toArray(String[]::new))
            && !isMySqlIndex(element)
            && element.peekName()) {
          columns.add(element.copy().name());
        }
      }
      // PostgreSQL names the CHECKs as it creates the table, then the indexes, then the foreign
      // keys
      Reading unnamed = new Reading(statement, in);
      for (Cursor element : elements) {
        if (isMySqlIndex(element)) {
          mySqlIndex(element, table, ifNotExists, unnamed);
        } else if (element.peekAny(CONSTRAINT_STARTS.toArray(String[]::new))) {
          tableConstraint(element, table, ifNotExists, List.of(), columns, unnamed);
        } else if (element.peekName()) {
          String column = element.name();
          add(
              Action.CREATE,
              SchemaObject.column(table, column),
              "",
              ifNotExists,
              references(element));
          declared(element);
          columnConstraints(
              element, table, column, ifNotExists, List.of(created), columns, unnamed);
        }
      }
      unnamed.effects.sort(Comparator.comparingInt(effect -> namingOrder(effect)));
      effects.addAll(unnamed.effects);
    }

    /** The column just added is declared by the rest of {@code definition} (past its name). */
    void declared(Cursor definition) {
      int last = effects.size() - 1;
      effects.set(last, effects.get(last).withDefinition(definition.copy().columnDefinition()));
    }

    /**
     * A table constraint, named ({@code CONSTRAINT "x" ...}) or not (PostgreSQL names it): its
     * effects go to {@code unnamed} when PostgreSQL names it, else here.
     *
     * @param columns the table's columns, when the statement lists them (a CHECK is named after the
     *     one it uses)
     */
    void tableConstraint(
        Cursor element,
        QualifiedName table,
        boolean guarded,
        List<SchemaObject> needsTable,
        Set<String> columns,
        Reading unnamed) {
      Optional<String> name =
          element.accept("CONSTRAINT") ? Optional.of(element.name()) : Optional.empty();
      Reading to = name.isPresent() ? this : unnamed;
      List<SchemaObject> requires = concat(needsTable, references(element));
      if (element.accept("PRIMARY", "KEY")) {
        to.addConstraint(
            name,
            new ImplicitName(Kind.CONSTRAINT, table, List.of(), "pkey", naming),
            ConstraintKind.PRIMARY_KEY,
            guarded,
            requires);
      } else if (element.accept("UNIQUE")) {
        element.accept("NULLS", "NOT", "DISTINCT");
        element.accept("NULLS", "DISTINCT");
        to.addConstraint(
            name,
            new ImplicitName(
                Kind.CONSTRAINT,
                table,
                ImplicitName.indexColumnNames(element.indexColumns()),
                "key",
                naming),
            ConstraintKind.UNIQUE,
            guarded,
            requires);
      } else if (element.accept("FOREIGN", "KEY")) {
        to.addConstraint(
            name,
            new ImplicitName(Kind.CONSTRAINT, table, element.indexColumns(), "fkey", naming),
            ConstraintKind.FOREIGN_KEY,
            guarded,
            requires);
      } else if (element.accept("CHECK")) {
        to.addConstraint(
            name,
            new ImplicitName(Kind.CONSTRAINT, table, element.namesUsed(columns), "check", naming),
            ConstraintKind.CHECK,
            guarded,
            requires);
      } else if (element.accept("EXCLUDE")) {
        if (element.accept("USING")) {
          element.name();
        }
        to.addConstraint(
            name,
            new ImplicitName(
                Kind.CONSTRAINT,
                table,
                ImplicitName.indexColumnNames(element.indexColumns()),
                "excl",
                naming),
            ConstraintKind.EXCLUSION,
            guarded,
            requires);
      }
    }

    /**
     * The constraints written in a column's definition ({@code "id" SERIAL PRIMARY KEY REFERENCES
     * ...}) and the sequence of a {@code SERIAL} or identity column; {@code element} is past the
     * column's name.
     */
    void columnConstraints(
        Cursor element,
        QualifiedName table,
        String column,
        boolean guarded,
        List<SchemaObject> needsTable,
        Set<String> columns,
        Reading unnamed) {
      Cursor scan = element.copy();
      if (scan.peekAny("SERIAL", "SERIAL4", "BIGSERIAL", "SERIAL8", "SMALLSERIAL", "SERIAL2")) {
        unnamed.addImplicit(
            new ImplicitName(Kind.SEQUENCE, table, List.of(column), "seq", naming),
            "",
            guarded,
            List.of(SchemaObject.of(Kind.TABLE, table)));
      }
      Optional<String> name = Optional.empty();
      while (!scan.atEnd()) {
        Reading to = name.isPresent() ? this : unnamed;
        if (scan.accept("CONSTRAINT")) {
          name = Optional.of(scan.name());
          continue;
        }
        if (scan.accept("PRIMARY", "KEY")) {
          to.addConstraint(
              name,
              new ImplicitName(Kind.CONSTRAINT, table, List.of(), "pkey", naming),
              ConstraintKind.PRIMARY_KEY,
              guarded,
              needsTable);
        } else if (scan.accept("UNIQUE")) {
          to.addConstraint(
              name,
              new ImplicitName(Kind.CONSTRAINT, table, List.of(column), "key", naming),
              ConstraintKind.UNIQUE,
              guarded,
              needsTable);
        } else if (scan.accept("REFERENCES")) {
          SchemaObject referenced = SchemaObject.of(Kind.TABLE, scan.qualifiedName(schema));
          to.addConstraint(
              name,
              new ImplicitName(Kind.CONSTRAINT, table, List.of(column), "fkey", naming),
              ConstraintKind.FOREIGN_KEY,
              guarded,
              concat(needsTable, List.of(referenced)));
        } else if (scan.accept("CHECK")) {
          to.addConstraint(
              name,
              new ImplicitName(Kind.CONSTRAINT, table, scan.namesUsed(columns), "check", naming),
              ConstraintKind.CHECK,
              guarded,
              needsTable);
        } else if (scan.accept("GENERATED", "ALWAYS", "AS", "IDENTITY")
            || scan.accept("GENERATED", "BY", "DEFAULT", "AS", "IDENTITY")) {
          unnamed.addImplicit(
              new ImplicitName(Kind.SEQUENCE, table, List.of(column), "seq", naming),
              "",
              guarded,
              List.of(SchemaObject.of(Kind.TABLE, table)));
        } else {
          scan.skipOne();
        }
        name = Optional.empty();
      }
    }

    /**
     * The tables a column or constraint definition references ({@code REFERENCES "User"("id")}).
     */
    List<SchemaObject> references(Cursor definition) {
      List<SchemaObject> referenced = new ArrayList<>();
      Cursor scan = definition.copy();
      while (scan.skipTo("REFERENCES")) {
        referenced.add(SchemaObject.of(Kind.TABLE, scan.qualifiedName(schema)));
      }
      return referenced;
    }

    /**
     * {@code ADD [CONSTRAINT "x"] PRIMARY KEY | UNIQUE USING INDEX "i"}: the index becomes the
     * constraint's and takes its name (the index's own when it has none): as the index gone and the
     * constraint, with its index, made.
     */
    void constraintUsingIndex(Cursor action, QualifiedName table, List<SchemaObject> needsTable) {
      Optional<String> name =
          action.accept("CONSTRAINT") ? Optional.of(action.name()) : Optional.empty();
      ConstraintKind type =
          action.peek("PRIMARY", "KEY") ? ConstraintKind.PRIMARY_KEY : ConstraintKind.UNIQUE;
      action.skipToAtDepth0("USING");
      action.expect("INDEX");
      String index = action.name();
      add(
          Action.DROP,
          SchemaObject.of(Kind.INDEX, QualifiedName.of(table.schema(), index)),
          "",
          false,
          needsTable);
      add(
          Action.CREATE,
          SchemaObject.constraint(table, name.orElse(index)),
          type.sql(),
          false,
          needsTable);
      int last = effects.size() - 1;
      effects.set(last, effects.get(last).withConstraint(type));
    }

    /**
     * Where PostgreSQL names an object among those a statement creates unnamed: CHECKs, indexes,
     * foreign keys.
     */
    private static int namingOrder(Effect effect) {
      return switch (effect.constraintKind().orElse(ConstraintKind.UNIQUE)) {
        case CHECK -> 0;
        case FOREIGN_KEY -> 2;
        default -> effect.object().kind() == Kind.SEQUENCE ? -1 : 1;
      };
    }

    void createIndex(boolean unique) {
      in.accept("CONCURRENTLY");
      boolean ifNotExists = in.accept("IF", "NOT", "EXISTS");
      Optional<String> name = in.peek("ON") ? Optional.empty() : Optional.of(in.name());
      in.expect("ON");
      in.accept("ONLY");
      QualifiedName table = in.qualifiedName(schema);
      Written tableWritten = Written.owner(in.written());
      SchemaObject onTable = SchemaObject.of(Kind.TABLE, table);
      if (in.accept("USING")) {
        in.name();
      }
      List<String> columns = in.indexColumns();
      if (name.isPresent()) {
        add(
            Action.CREATE,
            SchemaObject.of(Kind.INDEX, QualifiedName.of(table.schema(), name.get())),
            unique ? "UNIQUE" : "",
            ifNotExists,
            List.of(onTable));
      } else {
        addImplicit(
            new ImplicitName(
                Kind.INDEX, table, ImplicitName.indexColumnNames(columns), "idx", naming),
            unique ? "UNIQUE" : "",
            false,
            List.of(onTable));
      }
      int last = effects.size() - 1;
      effects.set(last, effects.get(last).withColumns(columns).withWritten(tableWritten));
    }

    void drop() {
      Kind kind;
      if (in.accept("TABLE")) {
        kind = Kind.TABLE;
      } else if (in.accept("INDEX")) {
        in.accept("CONCURRENTLY");
        kind = Kind.INDEX;
      } else if (in.accept("TYPE")) {
        kind = Kind.ENUM;
      } else if (in.accept("MATERIALIZED", "VIEW") || in.accept("VIEW")) {
        kind = Kind.VIEW;
      } else if (in.accept("SEQUENCE")) {
        kind = Kind.SEQUENCE;
      } else if (in.accept("EXTENSION")) {
        kind = Kind.EXTENSION;
      } else if (in.accept("SCHEMA")) {
        kind = Kind.SCHEMA;
      } else {
        return;
      }
      boolean ifExists = in.accept("IF", "EXISTS");
      if (mysql && kind == Kind.INDEX) {
        String index = in.name();
        Written written = Written.owner(in.written());
        in.expect("ON");
        QualifiedName table = in.qualifiedName(schema);
        add(
            Action.DROP,
            SchemaObject.of(Kind.INDEX, QualifiedName.of(table.schema(), index)),
            "",
            ifExists,
            List.of(SchemaObject.of(Kind.TABLE, table)),
            written);
        return;
      }
      List<SchemaObject> dropped = new ArrayList<>();
      List<Written> written = new ArrayList<>();
      do {
        dropped.add(
            switch (kind) {
              case EXTENSION -> SchemaObject.extension(in.name());
              case SCHEMA -> SchemaObject.schema(in.name());
              default -> SchemaObject.of(kind, in.qualifiedName(schema));
            });
        written.add(Written.owner(in.written()));
      } while (in.acceptSymbol(","));
      boolean cascade = in.accept("CASCADE");
      for (int i = 0; i < dropped.size(); i++) {
        add(
            Action.DROP,
            dropped.get(i),
            cascade ? "CASCADE" : "",
            ifExists,
            List.of(),
            written.get(i));
        if (cascade) {
          int last = effects.size() - 1;
          effects.set(last, effects.get(last).cascading());
        }
      }
    }

    void alter() {
      if (in.accept("TABLE")) {
        alterTable();
      } else if (in.accept("TYPE")) {
        alterType();
      } else if (in.accept("INDEX")) {
        boolean ifExists = in.accept("IF", "EXISTS");
        QualifiedName index = in.qualifiedName(schema);
        if (in.accept("RENAME", "TO")) {
          rename(
              SchemaObject.of(Kind.INDEX, index),
              SchemaObject.of(Kind.INDEX, QualifiedName.of(index.schema(), in.name())),
              ifExists);
        }
      }
    }

    void rename(SchemaObject from, SchemaObject to, boolean guarded) {
      rename(from, to, guarded, Written.NONE);
    }

    void rename(SchemaObject from, SchemaObject to, boolean guarded, Written written) {
      effects.add(
          new Effect(
                  Action.RENAME,
                  to,
                  Optional.of(from),
                  "",
                  guarded,
                  false,
                  List.of(from),
                  statement)
              .withWritten(written));
    }

    void alterType() {
      QualifiedName type = in.qualifiedName(schema);
      String typeWritten = in.written();
      SchemaObject enumType = SchemaObject.of(Kind.ENUM, type);
      if (in.accept("ADD", "VALUE")) {
        boolean ifNotExists = in.accept("IF", "NOT", "EXISTS");
        add(
            Action.CREATE,
            SchemaObject.enumValue(type, in.string()),
            "",
            ifNotExists,
            List.of(enumType));
      } else if (in.accept("RENAME", "VALUE")) {
        String from = in.string();
        in.expect("TO");
        rename(
            SchemaObject.enumValue(type, from), SchemaObject.enumValue(type, in.string()), false);
      } else if (in.accept("RENAME", "TO")) {
        String to = in.name();
        rename(
            enumType,
            SchemaObject.of(Kind.ENUM, QualifiedName.of(type.schema(), to)),
            false,
            Written.owner(typeWritten).renamedTo(in.written()));
      } else {
        add(Action.ALTER, enumType, "", false, List.of(enumType));
      }
    }

    void alterTable() {
      boolean ifExists = in.accept("IF", "EXISTS");
      in.accept("ONLY");
      QualifiedName table = in.qualifiedName(schema);
      Written written = Written.owner(in.written());
      SchemaObject onTable = SchemaObject.of(Kind.TABLE, table);
      List<SchemaObject> needsTable = ifExists ? List.of() : List.of(onTable);
      for (Cursor action : in.elementsUntilEnd()) {
        int before = effects.size();
        alterTableAction(action, table, written, onTable, needsTable);
        for (int i = before; i < effects.size(); i++) {
          if (effects.get(i).written().equals(Written.NONE)) {
            effects.set(i, effects.get(i).withWritten(written));
          }
        }
      }
    }

    /**
     * One action of an ALTER TABLE; the effects it adds without naming their object as written name
     * the table as written.
     */
    void alterTableAction(
        Cursor action,
        QualifiedName table,
        Written tableWritten,
        SchemaObject onTable,
        List<SchemaObject> needsTable) {
      if (mysql && mySqlAlterAction(action, table, tableWritten, needsTable)) {
        return;
      }
      if (action.accept("ADD")) {
        if (isMySqlIndex(action)) {
          mySqlIndex(action, table, false, this);
          return;
        }
        if (action.peekAny(CONSTRAINT_STARTS.toArray(String[]::new))) {
          if (addsUsingIndex(action)) {
            constraintUsingIndex(action, table, needsTable);
          } else {
            int before = effects.size();
            Cursor head = action.copy();
            Written named =
                head.accept("CONSTRAINT")
                    ? tableWritten.withPart(head.nameAsWritten())
                    : tableWritten;
            boolean notValid = action.copy().containsAtDepth0("NOT", "VALID");
            tableConstraint(action, table, false, needsTable, Set.of(), this);
            for (int i = before; i < effects.size(); i++) {
              Effect constraint = effects.get(i).withWritten(named);
              effects.set(i, notValid ? constraint.notValidated() : constraint);
            }
          }
          return;
        }
        action.accept("COLUMN");
        boolean ifNotExists = action.accept("IF", "NOT", "EXISTS");
        String column = action.name();
        Written columnWritten = tableWritten.withPart(action.written());
        add(
            Action.CREATE,
            SchemaObject.column(table, column),
            "",
            ifNotExists,
            concat(needsTable, references(action)),
            columnWritten);
        declared(action);
        columnConstraints(action, table, column, ifNotExists, needsTable, Set.of(), this);
      } else if (action.accept("DROP")) {
        if (action.accept("CONSTRAINT")) {
          boolean ifExists = action.accept("IF", "EXISTS");
          add(Action.DROP, SchemaObject.constraint(table, action.name()), "", ifExists, needsTable);
        } else {
          action.accept("COLUMN");
          boolean ifExists = action.accept("IF", "EXISTS");
          String column = action.name();
          add(
              Action.DROP,
              SchemaObject.column(table, column),
              "",
              ifExists,
              needsTable,
              tableWritten.withPart(action.written()));
        }
      } else if (action.accept("RENAME", "COLUMN")
          || action.peek("RENAME")
              && !action.peek("RENAME", "TO")
              && !action.peek("RENAME", "CONSTRAINT")
              && action.accept("RENAME")) {
        String from = action.name();
        Written fromWritten = tableWritten.withPart(action.written());
        action.expect("TO");
        String to = action.name();
        rename(
            SchemaObject.column(table, from),
            SchemaObject.column(table, to),
            false,
            fromWritten.renamedTo(action.written()));
      } else if (action.accept("RENAME", "CONSTRAINT")) {
        String from = action.name();
        action.expect("TO");
        rename(
            SchemaObject.constraint(table, from),
            SchemaObject.constraint(table, action.name()),
            false);
      } else if (action.accept("RENAME", "TO")) {
        String to = action.name();
        rename(
            onTable,
            SchemaObject.of(Kind.TABLE, QualifiedName.of(table.schema(), to)),
            false,
            tableWritten.renamedTo(action.written()));
      } else if (action.accept("SET", "SCHEMA")) {
        rename(
            onTable,
            SchemaObject.of(Kind.TABLE, QualifiedName.of(action.name(), table.name())),
            false);
      } else if (action.accept("ALTER")) {
        action.accept("COLUMN");
        SchemaObject column = SchemaObject.column(table, action.name());
        Written columnWritten = tableWritten.withPart(action.written());
        String clause = action.restAsWritten();
        add(
            Action.ALTER,
            column,
            clause,
            false,
            concat(needsTable, List.of(column)),
            columnWritten);
        int last = effects.size() - 1;
        effects.set(last, effects.get(last).withColumnChange(ColumnChange.of(clause)));
      } else {
        add(Action.ALTER, onTable, action.restAsWritten(), false, needsTable);
      }
    }
  }

  /**
   * {@code ADD CONSTRAINT "x" PRIMARY KEY USING INDEX "i"}: a constraint made of an index that
   * exists.
   */
  private boolean addsUsingIndex(Cursor action) {
    return action.copy().skipToAtDepth0("USING")
        && action.copy().containsSequence("USING", "INDEX");
  }

  private static List<SchemaObject> concat(List<SchemaObject> first, List<SchemaObject> second) {
    List<SchemaObject> all = new ArrayList<>(first);
    second.stream().filter(object -> !all.contains(object)).forEach(all::add);
    return all;
  }

  /**
   * A statement's tokens, read as far as a reader asks: the head of an {@code INSERT} of a million
   * rows is a few tokens, and its {@code ON CONFLICT} is looked for by a scan that keeps none. At
   * most {@link #MAX_KEPT} are kept (a {@code CREATE TABLE} of thirty thousand columns, an ALTER of
   * a hundred thousand words; about a hundred bytes each): a statement whose reading needs more is
   * not read, like any statement the reader cannot follow ({@link Action#UNKNOWN}).
   */
  private static final class Tokens {

    static final int MAX_KEPT = 110_000;

    private final String text;
    private final Lexicon lexicon;
    private final SqlTokens.Lexer lexer;
    private final List<SqlToken> kept = new ArrayList<>();
    private boolean ended;

    /** The tokens of a statement, read with the quoting rules it was split with. */
    Tokens(SqlStatement statement) {
      this.text = statement.text();
      this.lexicon = statement.lexicon();
      this.lexer = new SqlTokens.Lexer(text, 0, lexicon);
    }

    /** The token at {@code index}, reading up to it; null past the last one. */
    SqlToken get(int index) {
      while (kept.size() <= index && !ended) {
        SqlToken token = lexer.next();
        if (token == null) {
          ended = true;
        } else if (kept.size() == MAX_KEPT) {
          throw new IllegalStateException("the statement has over " + MAX_KEPT + " tokens to keep");
        } else {
          kept.add(token);
        }
      }
      return index < kept.size() ? kept.get(index) : null;
    }

    /**
     * The tokens from {@code index} to the end of the statement, read without keeping those not
     * kept yet.
     */
    Iterable<SqlToken> from(int index) {
      return () ->
          new Iterator<>() {
            private int at = index;
            private SqlTokens.Lexer rest;
            private SqlToken next = advance();

            private SqlToken advance() {
              if (rest == null) {
                if (at < kept.size()) {
                  return kept.get(at++);
                }
                if (ended) {
                  return null;
                }
                rest = new SqlTokens.Lexer(text, lexer.position(), lexicon);
              }
              return rest.next();
            }

            @Override
            public boolean hasNext() {
              return next != null;
            }

            @Override
            public SqlToken next() {
              if (next == null) {
                throw new NoSuchElementException();
              }
              SqlToken current = next;
              next = advance();
              return current;
            }
          };
    }
  }

  /**
   * A position in a statement's tokens, up to {@code end} (exclusive; {@link Integer#MAX_VALUE}:
   * the last one).
   */
  private static final class Cursor {
    static final int MAX_DETAIL = 300;

    /** Words of an expression that are not column names, when the table's columns are not known. */
    static final Set<String> KEYWORDS =
        Set.of(
            "AND",
            "OR",
            "NOT",
            "NULL",
            "IS",
            "IN",
            "LIKE",
            "ILIKE",
            "BETWEEN",
            "TRUE",
            "FALSE",
            "ANY",
            "ALL",
            "SOME",
            "CASE",
            "WHEN",
            "THEN",
            "ELSE",
            "END",
            "DISTINCT",
            "FROM",
            "SIMILAR",
            "TO",
            "ESCAPE",
            "ARRAY",
            "VALUE",
            "CURRENT_DATE",
            "CURRENT_TIMESTAMP",
            "NOW",
            "INTERVAL",
            "COLLATE");

    /** The serial types: a column of one has an implicit {@code nextval()} default. */
    static final Set<String> SERIALS =
        Set.of("SERIAL", "SERIAL2", "SERIAL4", "SERIAL8", "SMALLSERIAL", "BIGSERIAL");

    /** The volatile functions a default calls for every row (the table is rewritten). */
    static final Set<String> VOLATILE =
        Set.of(
            "RANDOM",
            "GEN_RANDOM_UUID",
            "UUID_GENERATE_V1",
            "UUID_GENERATE_V1MC",
            "UUID_GENERATE_V4",
            "CLOCK_TIMESTAMP",
            "TIMEOFDAY",
            "NEXTVAL");

    private final Tokens tokens;
    private int at;
    private final int end;

    /** The last name read ({@link #name}, {@link #qualifiedName}) as the script writes it. */
    private String written = "";

    Cursor(Tokens tokens) {
      this(tokens, 0, Integer.MAX_VALUE);
    }

    Cursor(Tokens tokens, int at, int end) {
      this.tokens = tokens;
      this.at = at;
      this.end = end;
    }

    Cursor copy() {
      return new Cursor(tokens, at, end);
    }

    /** The token at {@code index} if it is inside this cursor's range, else null. */
    private SqlToken token(int index) {
      return index < end ? tokens.get(index) : null;
    }

    SqlToken peekToken() {
      SqlToken token = token(at);
      if (token == null) {
        throw new IllegalStateException("the statement ends early");
      }
      return token;
    }

    boolean peek(String... words) {
      for (int i = 0; i < words.length; i++) {
        SqlToken token = token(at + i);
        if (token == null || !token.isWord(words[i])) {
          return false;
        }
      }
      return true;
    }

    boolean peekAny(String... words) {
      for (String word : words) {
        if (peek(word)) {
          return true;
        }
      }
      return false;
    }

    boolean peekName() {
      SqlToken token = token(at);
      return token != null && token.isName();
    }

    boolean accept(String... words) {
      if (peek(words)) {
        at += words.length;
        return true;
      }
      return false;
    }

    boolean acceptAny(String... words) {
      for (String word : words) {
        if (accept(word)) {
          return true;
        }
      }
      return false;
    }

    boolean acceptSymbol(String symbol) {
      SqlToken token = token(at);
      if (token != null && token.isSymbol(symbol)) {
        at++;
        return true;
      }
      return false;
    }

    void expect(String word) {
      if (!accept(word)) {
        throw new IllegalStateException("expected " + word);
      }
    }

    String name() {
      SqlToken token = peekToken();
      if (!token.isName()) {
        throw new IllegalStateException("expected a name");
      }
      at++;
      written = SqlToken.truncated(token.raw(), MAX_DETAIL);
      return token.name();
    }

    /**
     * The last name read as the script writes it ({@code "User"}, {@code audit.log}), its first
     * {@value #MAX_DETAIL} characters: a findings quotes it, and a name PostgreSQL keeps is
     * shorter.
     */
    String written() {
      return written;
    }

    /** Reads a name, returning it as the script writes it. */
    String nameAsWritten() {
      name();
      return written;
    }

    /**
     * A string naming something (an enum value): PostgreSQL refuses one over 63 bytes, so it is cut
     * there.
     */
    String string() {
      SqlToken token = peekToken();
      if (token.kind() != SqlToken.Kind.STRING) {
        throw new IllegalStateException("expected a string");
      }
      at++;
      return SqlToken.truncatedName(token.value());
    }

    QualifiedName qualifiedName(String defaultSchema) {
      String first = name();
      if (acceptSymbol(".")) {
        String schemaWritten = written;
        QualifiedName qualified = QualifiedName.of(first, name());
        written = schemaWritten + "." + written;
        return qualified;
      }
      return QualifiedName.of(defaultSchema, first);
    }

    boolean atEnd() {
      return token(at) == null;
    }

    /** Moves past one token, or past a parenthesised group whole. */
    void skipOne() {
      if (acceptSymbol("(")) {
        closeGroup();
      } else {
        at++;
      }
    }

    /** Moves past the parenthesis closing the one just read, returning the tokens inside. */
    private List<SqlToken> closeGroup() {
      List<SqlToken> inside = new ArrayList<>();
      int depth = 0;
      for (SqlToken token = token(at); token != null; token = token(at)) {
        at++;
        if (token.isSymbol("(")) {
          depth++;
        } else if (token.isSymbol(")")) {
          if (depth-- == 0) {
            return inside;
          }
        }
        inside.add(token);
      }
      return inside;
    }

    /**
     * Moves just past the next {@code word} outside parentheses; false (at the end) when there is
     * none.
     */
    boolean skipToAtDepth0(String word) {
      while (!atEnd()) {
        if (accept(word)) {
          return true;
        }
        skipOne();
      }
      return false;
    }

    /**
     * The names a parenthesised expression uses as columns (a CHECK's): the names not called as
     * functions nor read as types or keywords, those of {@code columns} only when it is not empty;
     * moves past it.
     */
    List<String> namesUsed(Set<String> columns) {
      if (!acceptSymbol("(")) {
        return List.of();
      }
      List<SqlToken> inside = closeGroup();
      List<String> used = new ArrayList<>();
      for (int i = 0; i < inside.size(); i++) {
        SqlToken token = inside.get(i);
        boolean called =
            i + 1 < inside.size()
                && (inside.get(i + 1).isSymbol("(") || inside.get(i + 1).isSymbol("."));
        boolean type = i > 0 && inside.get(i - 1).isSymbol("::");
        boolean keyword =
            token.kind() == SqlToken.Kind.WORD
                && (columns.isEmpty()
                    ? KEYWORDS.contains(token.value())
                    : !columns.contains(token.name()));
        boolean quotedElsewhere =
            token.kind() == SqlToken.Kind.QUOTED_NAME
                && !columns.isEmpty()
                && !columns.contains(token.name());
        if (token.isName() && !called && !type && !keyword && !quotedElsewhere) {
          used.add(token.name());
        }
      }
      return used;
    }

    /**
     * The columns of a parenthesised list ({@code ("a", lower("b") DESC)}), as an index names them;
     * moves past it.
     */
    List<String> indexColumns() {
      return acceptSymbol("(") ? indexColumnsUntilClose() : List.of();
    }

    /** As {@link #indexColumns()}, the opening parenthesis read. */
    List<String> indexColumnsUntilClose() {
      List<String> names = new ArrayList<>();
      for (Cursor element : elementsUntilClose()) {
        names.add(element.indexColumnName());
      }
      return names;
    }

    /**
     * {@code FigureIndexColname}: a column's name; a function call's name ({@code lower}); a cast's
     * operand's; {@code expr} for any other expression.
     */
    private String indexColumnName() {
      List<SqlToken> element = new ArrayList<>();
      for (SqlToken token : rest()) {
        if (element.isEmpty() || !token.isWord("WITH")) {
          element.add(token);
        } else {
          break; // EXCLUDE's ("a" WITH =)
        }
      }
      return figure(element, 0, element.size()).orElse("expr");
    }

    private static Optional<String> figure(List<SqlToken> tokens, int from, int to) {
      if (from >= to) {
        return Optional.empty();
      }
      SqlToken first = tokens.get(from);
      if (first.isSymbol("(")) {
        int close = matching(tokens, from);
        Optional<String> inner = figure(tokens, from + 1, close);
        return close + 1 < to && tokens.get(close + 1).isSymbol("::")
            ? inner.or(() -> lastName(tokens, close + 2, to))
            : inner;
      }
      if (!first.isName()) {
        return Optional.empty();
      }
      int next = from + 1;
      while (next + 1 < to && tokens.get(next).isSymbol(".") && tokens.get(next + 1).isName()) {
        next += 2;
      }
      SqlToken name = tokens.get(next - 1);
      if (next < to && tokens.get(next).isSymbol("(")) {
        return Optional.of(name.name()); // a function call
      }
      if (next < to && tokens.get(next).isSymbol("::")) {
        return Optional.of(name.name());
      }
      boolean plain =
          next == to
              || tokens.get(next).kind() == SqlToken.Kind.WORD
              || tokens.get(next).kind() == SqlToken.Kind.QUOTED_NAME;
      return plain ? Optional.of(name.name()) : Optional.empty();
    }

    private static Optional<String> lastName(List<SqlToken> tokens, int from, int to) {
      for (int i = from; i < to; i++) {
        if (tokens.get(i).isName() && (i + 1 == to || !tokens.get(i + 1).isSymbol("."))) {
          return Optional.of(tokens.get(i).name());
        }
      }
      return Optional.empty();
    }

    private static int matching(List<SqlToken> tokens, int open) {
      int depth = 0;
      for (int i = open; i < tokens.size(); i++) {
        if (tokens.get(i).isSymbol("(")) {
          depth++;
        } else if (tokens.get(i).isSymbol(")") && --depth == 0) {
          return i;
        }
      }
      return tokens.size();
    }

    /** Moves just past the next {@code word} outside strings, at any depth; false at the end. */
    boolean skipTo(String word) {
      for (SqlToken token = token(at); token != null; token = token(at)) {
        at++;
        if (token.isWord(word)) {
          return true;
        }
      }
      return false;
    }

    /**
     * The tokens from here to this cursor's end: kept ones for an element, a scan that keeps none
     * for the rest.
     */
    private Iterable<SqlToken> rest() {
      if (end == Integer.MAX_VALUE) {
        return tokens.from(at);
      }
      List<SqlToken> range = new ArrayList<>(Math.max(0, end - at));
      for (int i = at; i < end; i++) {
        range.add(tokens.get(i));
      }
      return range;
    }

    /** True when {@code first second} are two tokens here, outside parentheses. */
    boolean containsAtDepth0(String first, String second) {
      int depth = 0;
      SqlToken previous = null;
      for (SqlToken token : rest()) {
        if (token.isSymbol("(")) {
          depth++;
        } else if (token.isSymbol(")")) {
          depth--;
        } else if (depth == 0 && token.isWord(second) && previous != null) {
          if (previous.isWord(first)) {
            return true;
          }
        }
        previous = token;
      }
      return false;
    }

    /**
     * A column's definition, this cursor just past its name: what {@link ColumnDefinition} holds.
     * Read token by token, once: a definition of a hundred thousand {@code DEFAULT}s costs what its
     * length does.
     */
    ColumnDefinition columnDefinition() {
      SqlToken first = token(at);
      String serial =
          first != null && first.kind() == SqlToken.Kind.WORD && SERIALS.contains(first.value())
              ? first.raw()
              : "";
      boolean notNull = false;
      boolean hasDefault = false;
      boolean generated = false;
      boolean inDefault = false;
      String volatileCall = "";
      int depth = 0;
      SqlToken previous = null;
      for (SqlToken token : rest()) {
        if (token.isSymbol("(")) {
          if (inDefault
              && volatileCall.isEmpty()
              && previous != null
              && previous.kind() == SqlToken.Kind.WORD
              && VOLATILE.contains(previous.value())) {
            volatileCall = previous.raw();
          }
          depth++;
        } else if (token.isSymbol(")")) {
          depth--;
        } else if (depth == 0 && token.kind() == SqlToken.Kind.WORD) {
          switch (token.value()) {
            case "DEFAULT" -> {
              hasDefault = true;
              inDefault = true;
            }
            case "NULL" -> {
              notNull |= previous != null && previous.isWord("NOT");
              inDefault = false;
            }
            case "GENERATED" -> {
              generated = true;
              inDefault = false;
            }
            case "CONSTRAINT", "CHECK", "REFERENCES", "UNIQUE", "PRIMARY", "COLLATE", "NOT" ->
                inDefault = false;
            default -> {
              // part of the type or of the default's expression
            }
          }
        }
        previous = token;
      }
      return new ColumnDefinition(notNull, hasDefault, generated, serial, volatileCall);
    }

    boolean containsWordAtDepth0(String word) {
      int depth = 0;
      for (SqlToken token : rest()) {
        if (token.isSymbol("(")) {
          depth++;
        } else if (token.isSymbol(")")) {
          depth--;
        } else if (depth == 0 && token.isWord(word)) {
          return true;
        }
      }
      return false;
    }

    /** True when the word is one of the tokens from here on. */
    boolean containsWord(String word) {
      for (SqlToken token : rest()) {
        if (token.isWord(word)) {
          return true;
        }
      }
      return false;
    }

    /** True when {@code function('argument'...)} is called from here on. */
    boolean containsCall(String function, String argument) {
      SqlToken before = null;
      SqlToken last = null;
      for (SqlToken token : rest()) {
        if (before != null
            && before.isWord(function)
            && last.isSymbol("(")
            && token.kind() == SqlToken.Kind.STRING
            && token.value().equalsIgnoreCase(argument)) {
          return true;
        }
        before = last;
        last = token;
      }
      return false;
    }

    boolean containsSequence(String first, String second) {
      boolean afterFirst = false;
      for (SqlToken token : rest()) {
        if (afterFirst && token.isWord(second)) {
          return true;
        }
        afterFirst = token.isWord(first);
      }
      return false;
    }

    /**
     * The comma-separated elements up to the parenthesis that closes the one just read; moves past
     * it.
     */
    List<Cursor> elementsUntilClose() {
      List<Cursor> elements = new ArrayList<>();
      int depth = 0;
      int start = at;
      for (SqlToken token = token(at); token != null; token = token(at)) {
        if (token.isSymbol("(")) {
          depth++;
        } else if (token.isSymbol(")")) {
          if (depth == 0) {
            elements.add(new Cursor(tokens, start, at));
            at++;
            return nonEmpty(elements);
          }
          depth--;
        } else if (token.isSymbol(",") && depth == 0) {
          elements.add(new Cursor(tokens, start, at));
          start = at + 1;
        }
        at++;
      }
      elements.add(new Cursor(tokens, start, at));
      return nonEmpty(elements);
    }

    /** The comma-separated elements up to the end of the statement (an ALTER TABLE's actions). */
    List<Cursor> elementsUntilEnd() {
      List<Cursor> elements = new ArrayList<>();
      int depth = 0;
      int start = at;
      for (SqlToken token = token(at); token != null; token = token(at)) {
        if (token.isSymbol("(")) {
          depth++;
        } else if (token.isSymbol(")")) {
          depth--;
        } else if ((token.isSymbol(",") || token.isSymbol(";")) && depth == 0) {
          elements.add(new Cursor(tokens, start, at));
          start = at + 1;
        }
        at++;
      }
      elements.add(new Cursor(tokens, start, at));
      return nonEmpty(elements);
    }

    private static List<Cursor> nonEmpty(List<Cursor> elements) {
      elements.removeIf(element -> element.at >= element.end);
      return elements;
    }

    /**
     * The rest of the element as written, single-spaced: {@code TYPE TEXT}; cut after {@link
     * #MAX_DETAIL} characters (a {@code SET DEFAULT} of a megabyte-long string is quoted, not
     * kept).
     */
    String restAsWritten() {
      StringBuilder out = new StringBuilder();
      SqlToken previous = null;
      for (SqlToken token : rest()) {
        if (out.length() > MAX_DETAIL) {
          out.setLength(MAX_DETAIL);
          return out.append('…').toString();
        }
        boolean tight =
            token.isSymbol("(")
                || token.isSymbol(")")
                || token.isSymbol(",")
                || token.isSymbol(".")
                || token.isSymbol("::")
                || (previous != null
                    && (previous.isSymbol("(")
                        || previous.isSymbol(".")
                        || previous.isSymbol("::")));
        if (!out.isEmpty() && !tight) {
          out.append(' ');
        }
        String written = token.kind() == SqlToken.Kind.WORD ? token.value() : token.raw();
        out.append(written, 0, Math.min(written.length(), MAX_DETAIL + 1));
        previous = token;
      }
      if (out.length() > MAX_DETAIL) {
        out.setLength(MAX_DETAIL);
        out.append('…');
      }
      return out.toString();
    }
  }
}
