package io.driftwatch.core.coverage;

import io.driftwatch.core.catalog.CatalogIndex;
import io.driftwatch.core.catalog.Column;
import io.driftwatch.core.coverage.Coverage.QualifiedColumn;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * An enum MySQL keeps in its columns, not as a type: {@code enum('USER','ADMIN')} is the type of
 * each column a Prisma enum types (semantics, section 5). The enum is there when one of its columns
 * is, with the values of them all.
 *
 * <p>Written by hand: MySQL's {@code COLUMN_TYPE} of an enum is a list of single-quoted labels with
 * a quote doubled inside one, nothing a library parses for us.
 */
final class InlineEnums {

  private InlineEnums() {}

  /** The values the catalog's columns of this enum hold, or empty when none of them is an enum. */
  static Optional<List<String>> values(CatalogIndex catalog, List<QualifiedColumn> columns) {
    Set<String> values = new LinkedHashSet<>();
    boolean found = false;
    for (QualifiedColumn column : columns) {
      Optional<Column> live =
          catalog.table(column.table()).flatMap(table -> table.column(column.column()));
      if (live.isPresent() && isInline(live.get().type())) {
        found = true;
        values.addAll(labels(live.get().type()));
      }
    }
    return found ? Optional.of(List.copyOf(values)) : Optional.empty();
  }

  static boolean isInline(String type) {
    return type.toLowerCase(Locale.ROOT).startsWith("enum(");
  }

  /** {@code enum('a','it''s')} as {@code [a, it's]}. */
  static List<String> labels(String type) {
    List<String> labels = new ArrayList<>();
    int i = type.indexOf('(') + 1;
    while (i < type.length()) {
      int open = type.indexOf('\'', i);
      if (open < 0) {
        break;
      }
      StringBuilder label = new StringBuilder();
      int j = open + 1;
      while (j < type.length()) {
        char c = type.charAt(j);
        if (c == '\'' && j + 1 < type.length() && type.charAt(j + 1) == '\'') {
          label.append('\'');
          j += 2;
        } else if (c == '\'') {
          break;
        } else {
          label.append(c);
          j++;
        }
      }
      labels.add(label.toString());
      i = j + 1;
    }
    return labels;
  }
}
