package io.driftwatch.core.effect;

import io.driftwatch.core.effect.SchemaObject.Kind;
import io.driftwatch.core.sql.SqlStatement;
import java.util.Optional;

/**
 * How a statement destroys or rewrites the rows of a live table, read from its effect once for the
 * lint rules that warn of it (MS001, MS002, MS003, MS009, MS010) and for the plan's data at risk:
 * one detection, so the two never disagree on what a deploy loses.
 */
public enum DataLoss {
  /** {@code DROP TABLE}: its rows are gone. */
  DROPS_TABLE,
  /** {@code ALTER TABLE ... DROP COLUMN}: the column's values are gone. */
  DROPS_COLUMN,
  /** {@code ALTER COLUMN ... TYPE}: the table is rewritten, each value converted. */
  CHANGES_COLUMN_TYPE,
  /** {@code TRUNCATE}: every row is gone. */
  TRUNCATES,
  /** {@code DELETE} without {@code WHERE}. */
  DELETES_EVERY_ROW,
  /** {@code UPDATE} without {@code WHERE}. */
  UPDATES_EVERY_ROW;

  /**
   * True when the statement may lose data, by its leading words: the others need not be read as
   * effects to know they do not.
   */
  public static boolean mayComeOf(SqlStatement statement) {
    return statement.is("DROP")
        || statement.is("ALTER", "TABLE")
        || statement.is("TRUNCATE")
        || statement.is("UPDATE")
        || statement.is("DELETE");
  }

  /** What the effect loses of its table's data, if anything. */
  public static Optional<DataLoss> of(Effect effect) {
    Kind kind = effect.object().kind();
    DataLoss loss =
        switch (effect.action()) {
          case DROP -> kind == Kind.TABLE ? DROPS_TABLE : kind == Kind.COLUMN ? DROPS_COLUMN : null;
          case ALTER ->
              kind == Kind.COLUMN && effect.columnChange() == ColumnChange.SET_TYPE
                  ? CHANGES_COLUMN_TYPE
                  : null;
          case TRUNCATE -> TRUNCATES;
          case DELETE -> effect.everyRow() ? DELETES_EVERY_ROW : null;
          case UPDATE -> effect.everyRow() ? UPDATES_EVERY_ROW : null;
          default -> null;
        };
    return Optional.ofNullable(loss);
  }
}
