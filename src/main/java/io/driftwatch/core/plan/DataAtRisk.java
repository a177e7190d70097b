package io.driftwatch.core.plan;

import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.TableRows;
import io.driftwatch.core.effect.DataLoss;
import io.driftwatch.core.effect.Effect;
import io.driftwatch.core.effect.SchemaObject;
import io.driftwatch.core.effect.SchemaObject.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The live tables a migration destroys or rewrites ({@link DataLoss}, as the lint reads them), with
 * their estimated rows. Tables created by the deploy itself hold nothing yet and are left out.
 */
public final class DataAtRisk {

  private DataAtRisk() {}

  /**
   * @param createdByDeploy the tables the pending migrations create
   * @param rowEstimates the live tables' estimates
   */
  public static List<DataAtRiskItem> of(
      List<Effect> effects, Set<SchemaObject> createdByDeploy, TableRows rowEstimates) {
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
    String column = effect.object().part();
    return DataLoss.of(effect)
        .map(
            loss ->
                switch (loss) {
                  case DROPS_TABLE -> "drops the table";
                  case DROPS_COLUMN -> "drops column \"" + column + "\" and its values";
                  case CHANGES_COLUMN_TYPE ->
                      "rewrites the table (column \""
                          + column
                          + "\" changes type: "
                          + effect.detail()
                          + ")";
                  case TRUNCATES -> "removes every row (TRUNCATE)";
                  case DELETES_EVERY_ROW -> "deletes every row (no WHERE)";
                  case UPDATES_EVERY_ROW -> "overwrites every row (no WHERE)";
                })
        .orElse(null);
  }

  static long rows(QualifiedName table, TableRows rowEstimates) {
    return rowEstimates.of(table).orElse(-1);
  }
}
