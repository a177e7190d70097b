package io.driftwatch.core.plan;

import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.effect.ColumnChange;
import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.effect.SchemaObject;
import io.driftwatch.core.effect.SchemaObject.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The live tables a migration destroys or rewrites, with their estimated rows: dropped tables and
 * columns, column type changes (a rewrite), TRUNCATE, and UPDATE or DELETE without WHERE. Tables
 * created by the deploy itself hold nothing yet and are left out.
 */
public final class DataAtRisk {

  private DataAtRisk() {}

  /**
   * @param createdByDeploy the tables the pending migrations create
   * @param rowEstimates rows by {@code schema.table}
   */
  public static List<DataAtRiskItem> of(
      List<Effect> effects, Set<SchemaObject> createdByDeploy, Map<String, Long> rowEstimates) {
    List<DataAtRiskItem> items = new ArrayList<>();
    for (Effect effect : effects) {
      SchemaObject object = effect.object();
      SchemaObject table = object.owner();
      if (table.kind() != Kind.TABLE || createdByDeploy.contains(table)) {
        continue;
      }
      String action = action(effect);
      if (action != null) {
        items.add(
            new DataAtRiskItem(
                table.name().toString(),
                action,
                rows(table.name(), rowEstimates),
                effect.statement().line()));
      }
    }
    return items;
  }

  private static String action(Effect effect) {
    SchemaObject object = effect.object();
    return switch (effect.action()) {
      case DROP ->
          object.kind() == Kind.TABLE
              ? "drops the table"
              : object.kind() == Kind.COLUMN
                  ? "drops column \"" + object.part() + "\" and its values"
                  : null;
      case ALTER ->
          object.kind() == Kind.COLUMN && effect.columnChange() == ColumnChange.SET_TYPE
              ? "rewrites the table (column \""
                  + object.part()
                  + "\" changes type: "
                  + effect.detail()
                  + ")"
              : null;
      case TRUNCATE -> "removes every row (TRUNCATE)";
      case DELETE -> effect.everyRow() ? "deletes every row (no WHERE)" : null;
      case UPDATE -> effect.everyRow() ? "overwrites every row (no WHERE)" : null;
      default -> null;
    };
  }

  static long rows(QualifiedName table, Map<String, Long> rowEstimates) {
    Long rows = rowEstimates.get(table.schema() + "." + table.name());
    return rows == null || rows < 0 ? -1 : rows;
  }
}
