package io.driftwatch.core.plan;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.CatalogDdl;
import io.driftwatch.core.catalog.CatalogIndex;
import io.driftwatch.core.catalog.Column;
import io.driftwatch.core.catalog.NameDdl;
import io.driftwatch.core.catalog.PostgresNameDdl;
import io.driftwatch.core.catalog.SchemaDdl;
import io.driftwatch.core.effect.ColumnChange;
import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.effect.ObjectSet;
import io.driftwatch.core.effect.ObjectSet.Presence;
import io.driftwatch.core.effect.ReverseSql;
import io.driftwatch.core.effect.SchemaObject.Kind;
import io.driftwatch.core.plan.FailedTriage.Verdict;
import io.driftwatch.core.sql.SqlStatement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Computes a {@link FailedTriage} (the result): compares what a failed migration's statements do
 * with what the live database holds. The columns and constraints of a table it creates are only
 * listed when they are missing: the table stands for them.
 */
public final class FailedTriager {

  private FailedTriager() {}

  /** As the full {@code triage}, the undo written in PostgreSQL's DDL. */
  public static FailedTriage triage(
      String migration, String error, List<Effect> effects, Catalog live) {
    return triage(
        migration,
        error,
        effects,
        live,
        ObjectSet.of(live),
        CatalogDdl::new,
        PostgresNameDdl.INSTANCE);
  }

  /**
   * @param database the objects of {@code live}, when the caller has them already (it is only read)
   * @param ddl the dialect's DDL, the undo is written in
   * @param names the dialect's DDL by name, the undo's drops and renames are written in
   */
  static FailedTriage triage(
      String migration,
      String error,
      List<Effect> effects,
      Catalog live,
      ObjectSet database,
      Function<Catalog, SchemaDdl> ddl,
      NameDdl names) {
    List<Effect> present = new ArrayList<>();
    List<Effect> missing = new ArrayList<>();
    List<Effect> unverifiable = new ArrayList<>();
    CatalogIndex tables = CatalogIndex.of(live);
    for (Effect effect : effects) {
      switch (achieved(effect, database, tables)) {
        case PRESENT -> present.add(effect);
        case ABSENT -> missing.add(effect);
        case UNKNOWN -> unverifiable.add(effect);
      }
    }
    Set<SqlStatement> presentTables = new HashSet<>();
    present.stream()
        .filter(effect -> effect.object().kind() == Kind.TABLE)
        .forEach(effect -> presentTables.add(effect.statement()));
    List<String> presentNames =
        present.stream()
            .filter(
                effect ->
                    effect.object().kind() == Kind.TABLE
                        || !presentTables.contains(effect.statement()))
            .map(Effect::describe)
            .toList();
    Verdict verdict;
    if (present.isEmpty() && missing.isEmpty()) {
      verdict = Verdict.UNVERIFIABLE;
    } else if (missing.isEmpty()) {
      verdict = Verdict.END_STATE_REACHED;
    } else if (present.isEmpty()) {
      verdict = Verdict.NOTHING_APPLIED;
    } else {
      verdict = Verdict.PARTLY_APPLIED;
    }
    List<String> undo =
        new ReverseSql(Optional.of(live), ddl, names)
            .reverse(present).stream()
                .map(
                    reversal ->
                        reversal
                            .sql()
                            .orElse(
                                "-- cannot undo: "
                                    + reversal.effect().describe()
                                    + ": "
                                    + reversal.irreversible().orElse("")))
                .toList();
    return new FailedTriage(
        migration,
        verdict,
        firstLine(error),
        presentNames,
        missing.stream().map(Effect::describe).toList(),
        ScriptEffects.statements(unverifiable).stream().map(FailedTriager::shorten).toList(),
        ScriptEffects.idempotent(effects),
        verdict == Verdict.PARTLY_APPLIED ? ScriptEffects.statements(missing) : List.of(),
        verdict == Verdict.PARTLY_APPLIED ? undo : List.of());
  }

  /**
   * Whether the effect shows in the database; a column's nullability is read from the catalog too.
   */
  static Presence achieved(Effect effect, ObjectSet database, CatalogIndex live) {
    if (effect.action() == Effect.Action.ALTER && effect.object().kind() == Kind.COLUMN) {
      Optional<Column> column =
          live.table(effect.object().name()).flatMap(t -> t.column(effect.object().part()));
      ColumnChange change = effect.columnChange();
      if (column.isPresent() && change == ColumnChange.SET_NOT_NULL) {
        return column.get().nullable() ? Presence.ABSENT : Presence.PRESENT;
      }
      if (column.isPresent() && change == ColumnChange.DROP_NOT_NULL) {
        return column.get().nullable() ? Presence.PRESENT : Presence.ABSENT;
      }
      return Presence.UNKNOWN;
    }
    return database.achieved(effect);
  }

  /**
   * The database's own message from Prisma's {@code logs} (its {@code ERROR:} line), else the first
   * line.
   */
  private static String firstLine(String error) {
    if (error == null || error.isBlank()) {
      return "";
    }
    List<String> lines =
        error.strip().lines().map(String::strip).filter(line -> !line.isEmpty()).toList();
    return lines.stream()
        .filter(line -> line.startsWith("ERROR:"))
        .findFirst()
        .orElse(lines.get(0));
  }

  private static String shorten(String statement) {
    return statement.length() > 300 ? statement.substring(0, 300) + "…" : statement;
  }
}
