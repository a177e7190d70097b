package io.driftwatch.database.postgres;

import io.driftwatch.core.history.ContractState;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads Prisma 8's marker and ledger ({@link ContractState}) in the audit's read-only transaction.
 * Their shape may still change before 8.0, so nothing is assumed: the columns are looked up first,
 * and only those found, of the expected types, are asked for; a table driftwatch may not read is
 * said, not queried (a refused SELECT would end the transaction and the audit with it). Every name
 * in the SQL comes from the fixed lists here, never from the database.
 */
final class PrismaContractTables {

  /** The columns of the marker and the ledger, with their types. */
  static final String COLUMNS =
      """
      SELECT c.relname::text AS table_name, a.attname::text AS column_name,
             pg_catalog.format_type(a.atttypid, a.atttypmod) AS column_type
      FROM pg_catalog.pg_attribute a
      JOIN pg_catalog.pg_class c ON c.oid = a.attrelid
      JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = $1 AND c.relname IN ('marker', 'ledger') AND a.attnum > 0 AND NOT a.attisdropped
      """;

  /** Where the marker keeps the contract hash, by release: the first found is read. */
  static final List<String> HASH_COLUMNS = List.of("core_hash", "storage_hash", "hash");

  private static final List<String> TIMESTAMPS =
      List.of("timestamp with time zone", "timestamp without time zone");

  private PrismaContractTables() {}

  /**
   * Prisma 8's state, from the probe's list of its tables ({@code schema.table}, {@code :denied}
   * when driftwatch may not read one); empty when the database has none.
   */
  static Uni<Optional<ContractState>> read(SqlConnection connection, String tables) {
    if (tables == null || tables.isBlank()) {
      return Uni.createFrom().item(Optional.empty());
    }
    Map<String, Map<String, Boolean>> bySchema = new LinkedHashMap<>();
    for (String entry : tables.split(",")) {
      boolean denied = entry.endsWith(":denied");
      String name = denied ? entry.substring(0, entry.length() - ":denied".length()) : entry;
      int dot = name.indexOf('.');
      bySchema
          .computeIfAbsent(name.substring(0, dot), s -> new HashMap<>())
          .put(name.substring(dot + 1), !denied);
    }
    // 8.0's schema over the release candidates' when a database has both.
    String schema =
        bySchema.containsKey("_prisma") ? "_prisma" : bySchema.keySet().iterator().next();
    Map<String, Boolean> readable = bySchema.get(schema);
    List<String> notUnderstood = new ArrayList<>();
    if (bySchema.size() > 1) {
      notUnderstood.add(
          "both `prisma_contract` and `_prisma` hold Prisma 8 tables; `_prisma` was read");
    }
    readable.forEach(
        (table, allowed) -> {
          if (!allowed) {
            notUnderstood.add(
                "driftwatch may not read `"
                    + schema
                    + "."
                    + table
                    + "` (GRANT USAGE ON SCHEMA "
                    + PostgresTargetReader.quote(schema)
                    + " and SELECT ON "
                    + PostgresTargetReader.quote(schema)
                    + "."
                    + table
                    + " TO the user driftwatch connects as)");
          }
        });
    return connection
        .preparedQuery(COLUMNS)
        .execute(Tuple.of(schema))
        .flatMap(
            rows -> {
              Map<String, Map<String, String>> columns = new HashMap<>();
              for (Row row : rows) {
                columns
                    .computeIfAbsent(row.getString("table_name"), t -> new HashMap<>())
                    .put(row.getString("column_name"), row.getString("column_type"));
              }
              Map<String, String> marker =
                  Boolean.TRUE.equals(readable.get("marker"))
                      ? columns.getOrDefault("marker", Map.of())
                      : null;
              Map<String, String> ledger =
                  Boolean.TRUE.equals(readable.get("ledger"))
                      ? columns.getOrDefault("ledger", Map.of())
                      : null;
              String sql = query(schema, marker, ledger, notUnderstood);
              return connection
                  .preparedQuery(sql)
                  .execute()
                  .map(
                      result -> {
                        Row row = result.iterator().next();
                        return Optional.of(
                            new ContractState(
                                schema,
                                Optional.ofNullable(row.getLong("marker_rows"))
                                    .map(Long::intValue)
                                    .orElse(0),
                                Optional.ofNullable(row.getString("marker_hash")),
                                instant(row.getOffsetDateTime("marked_at")),
                                Optional.ofNullable(row.getLong("ledger_entries")).orElse(0L),
                                instant(row.getOffsetDateTime("first_ledger_at")),
                                notUnderstood));
                      });
            });
  }

  /**
   * One SELECT of scalar subqueries, each asked only when its table is readable and its column
   * there: a missing piece is NULL, and said in {@code notUnderstood}.
   */
  static String query(
      String schema,
      Map<String, String> marker,
      Map<String, String> ledger,
      List<String> notUnderstood) {
    String markerTable = PostgresTargetReader.quote(schema) + ".marker";
    String ledgerTable = PostgresTargetReader.quote(schema) + ".ledger";
    String markerRows = "NULL::int8";
    String markerHash = "NULL::text";
    String markedAt = "NULL::timestamptz";
    if (marker != null) {
      // The application's space first when the marker keeps one row per space.
      String first =
          " FROM "
              + markerTable
              + (marker.containsKey("space") ? " ORDER BY (space = 'app') DESC, space" : "")
              + " LIMIT 1)";
      markerRows = "(SELECT count(*) FROM " + markerTable + ")";
      Optional<String> hash = HASH_COLUMNS.stream().filter(marker::containsKey).findFirst();
      if (hash.isPresent()) {
        markerHash = "(SELECT " + hash.get() + "::text" + first;
      } else {
        notUnderstood.add(
            "the marker has none of the columns "
                + String.join(", ", HASH_COLUMNS)
                + " (it has "
                + String.join(", ", marker.keySet().stream().sorted().toList())
                + "): its contract hash was not read");
      }
      if (TIMESTAMPS.contains(marker.get("updated_at"))) {
        markedAt = "(SELECT updated_at::timestamptz" + first;
      }
    }
    String ledgerEntries = "NULL::int8";
    String firstLedgerAt = "NULL::timestamptz";
    if (ledger != null) {
      ledgerEntries = "(SELECT count(*) FROM " + ledgerTable + ")";
      if (TIMESTAMPS.contains(ledger.get("created_at"))) {
        firstLedgerAt = "(SELECT min(created_at)::timestamptz FROM " + ledgerTable + ")";
      }
    }
    return "SELECT "
        + markerRows
        + " AS marker_rows, "
        + markerHash
        + " AS marker_hash, "
        + markedAt
        + " AS marked_at, "
        + ledgerEntries
        + " AS ledger_entries, "
        + firstLedgerAt
        + " AS first_ledger_at";
  }

  private static Optional<Instant> instant(OffsetDateTime value) {
    return Optional.ofNullable(value).map(OffsetDateTime::toInstant);
  }
}
