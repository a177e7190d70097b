package io.driftwatch.core.plan;

import io.driftwatch.core.catalog.TableRows;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which live tables hold rows. From PostgreSQL's estimates a table with rows is known; an empty
 * database is only known from an exact check (a {@code SELECT EXISTS} per table), because an
 * estimate of 0 may be stale and a destructive advice must never rest on it.
 *
 * @param tablesWithRows the tables known to hold rows, {@code schema.table}
 * @param exact true when every table was checked exactly
 */
public record DataPresence(Set<String> tablesWithRows, boolean exact) {

  /** The history table's own rows do not count as data. */
  private static final String HISTORY_TABLE = "_prisma_migrations";

  public DataPresence {
    tablesWithRows =
        Set.copyOf(
            new TreeSet<>(
                tablesWithRows.stream()
                    .filter(
                        table ->
                            !table.equals(HISTORY_TABLE) && !table.endsWith("." + HISTORY_TABLE))
                    .toList()));
  }

  /** From row estimates only: the tables estimated to hold rows. */
  public static DataPresence estimated(TableRows rowEstimates) {
    return new DataPresence(rowEstimates.withRows(), false);
  }

  /** From an exact check of every table. */
  public static DataPresence checked(Set<String> tablesWithRows) {
    return new DataPresence(tablesWithRows, true);
  }

  public boolean holdsData() {
    return !tablesWithRows.isEmpty();
  }

  /** Known to hold no row at all: only after an exact check. */
  public boolean knownEmpty() {
    return exact && tablesWithRows.isEmpty();
  }

  /** The first tables with rows, for messages. */
  public List<String> someTables(int max) {
    return tablesWithRows.stream().sorted().limit(max).toList();
  }
}
