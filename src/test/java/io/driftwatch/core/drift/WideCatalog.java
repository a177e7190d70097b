package io.driftwatch.core.drift;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.CheckConstraint;
import io.driftwatch.core.catalog.Column;
import io.driftwatch.core.catalog.EnumType;
import io.driftwatch.core.catalog.Index;
import io.driftwatch.core.catalog.IndexKey;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One table {@code "Wide"} of many columns, check constraints and indexes, and an enum {@code
 * "Kind"} of many values.
 */
public final class WideCatalog {

  public static final QualifiedName WIDE = QualifiedName.of("public", "Wide");
  public static final QualifiedName KIND = QualifiedName.of("public", "Kind");

  private WideCatalog() {}

  /**
   * Every {@code step}-th column, check and index; the enum's {@code n} values whatever the step.
   */
  public static Catalog of(int n, int step) {
    List<Column> columns = new ArrayList<>();
    List<CheckConstraint> checks = new ArrayList<>();
    List<Index> indexes = new ArrayList<>();
    List<String> values = new ArrayList<>();
    for (int i = 0; i < n; i += step) {
      columns.add(Column.of("c" + i, "integer", true));
      checks.add(
          new CheckConstraint(
              "Wide_c" + i + "_check", List.of("c" + i), "CHECK ((c" + i + " > 0))", false));
      indexes.add(
          new Index(
              "Wide_c" + i + "_idx",
              false,
              false,
              false,
              "btree",
              List.of(IndexKey.column("c" + i)),
              List.of(),
              Optional.empty(),
              "CREATE INDEX \"Wide_c" + i + "_idx\" ON public.\"Wide\" USING btree (c" + i + ")",
              true,
              false));
    }
    for (int i = 0; i < n; i++) {
      values.add(
          "V" + i); // all on both sides: each missing value's restore recreates the enum, N values
      // long
    }
    Table table =
        new Table(
            WIDE,
            columns,
            Optional.empty(),
            List.of(),
            List.of(),
            checks,
            List.of(),
            indexes,
            Optional.empty(),
            Optional.empty());
    return new Catalog(
        15,
        List.of("public"),
        List.of(table),
        List.of(new EnumType(KIND, values)),
        List.of(),
        List.of(),
        List.of());
  }
}
