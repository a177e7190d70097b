package io.driftwatch.database.postgres;

import io.driftwatch.core.TargetSnapshot;
import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.TableRows;
import io.driftwatch.core.history.HistoryRow;
import io.driftwatch.core.prisma.PrismaStatus.DatasourceLine;
import io.driftwatch.database.HistoryRows;
import io.driftwatch.database.PrismaDatabaseUrl;
import io.driftwatch.database.TargetReader;
import io.driftwatch.database.TargetReads;
import io.driftwatch.database.TargetUnavailableException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Reads what Prisma recorded in a PostgreSQL database, in one read-only transaction: whether {@code
 * _prisma_migrations} exists, whether other tables exist (P3005), whether a deploy holds Prisma's
 * advisory lock, and every history row ordered by {@code started_at}. Sends nothing but SELECTs.
 */
@ApplicationScoped
public class PostgresTargetReader implements TargetReader {

  /**
   * Prisma's {@code pg_advisory_lock(72707369)}: classid 0, objid the key, objsubid 1 for a bigint
   * key.
   */
  static final String PROBE =
      """
      SELECT
        EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = $1 AND c.relname = '_prisma_migrations' AND c.relkind IN ('r', 'p')) AS has_history,
        EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = $1 AND c.relname <> '_prisma_migrations' AND c.relkind IN ('r', 'p')) AS has_tables,
        EXISTS (SELECT 1 FROM pg_catalog.pg_locks l
                WHERE l.locktype = 'advisory' AND l.classid = 0 AND l.objid = 72707369 AND l.objsubid = 1
                  AND l.granted AND l.database = (SELECT oid FROM pg_catalog.pg_database WHERE datname = current_database())
               ) AS deploy_lock,
        (SELECT string_agg(n.nspname || '.' || c.relname
                             || CASE WHEN has_schema_privilege(n.oid, 'USAGE') AND has_table_privilege(c.oid, 'SELECT')
                                     THEN '' ELSE ':denied' END, ',' ORDER BY n.nspname, c.relname)
         FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
         WHERE n.nspname IN ('prisma_contract', '_prisma') AND c.relname IN ('marker', 'ledger')
           AND c.relkind IN ('r', 'p')) AS contract_tables
      """;

  /**
   * Changes whenever any catalog row that describes a schema object is added, removed or replaced:
   * the count and the sum of the row versions' xmin per catalog. An unchanged fingerprint means the
   * catalog read last time still holds, so an audit of an unchanged schema reads a few numbers, not
   * a thousand tables.
   */
  static final String CATALOG_FINGERPRINT =
      """
      SELECT concat_ws('|',
        (SELECT count(*) || ':' || coalesce(sum(xmin::text::int8), 0) FROM pg_catalog.pg_namespace),
        (SELECT count(*) || ':' || coalesce(sum(xmin::text::int8), 0) FROM pg_catalog.pg_class),
        (SELECT count(*) || ':' || coalesce(sum(xmin::text::int8), 0) FROM pg_catalog.pg_attribute),
        (SELECT count(*) || ':' || coalesce(sum(xmin::text::int8), 0) FROM pg_catalog.pg_attrdef),
        (SELECT count(*) || ':' || coalesce(sum(xmin::text::int8), 0) FROM pg_catalog.pg_constraint),
        (SELECT count(*) || ':' || coalesce(sum(xmin::text::int8), 0) FROM pg_catalog.pg_index),
        (SELECT count(*) || ':' || coalesce(sum(xmin::text::int8), 0) FROM pg_catalog.pg_type),
        (SELECT count(*) || ':' || coalesce(sum(xmin::text::int8), 0) FROM pg_catalog.pg_enum),
        (SELECT count(*) || ':' || coalesce(sum(xmin::text::int8), 0) FROM pg_catalog.pg_rewrite),
        (SELECT count(*) || ':' || coalesce(sum(xmin::text::int8), 0) FROM pg_catalog.pg_sequence),
        (SELECT count(*) || ':' || coalesce(sum(xmin::text::int8), 0) FROM pg_catalog.pg_depend),
        (SELECT count(*) || ':' || coalesce(sum(xmin::text::int8), 0) FROM pg_catalog.pg_extension),
        (SELECT count(*) || ':' || coalesce(sum(xmin::text::int8), 0) FROM pg_catalog.pg_proc),
        (SELECT count(*) || ':' || coalesce(sum(xmin::text::int8), 0) FROM pg_catalog.pg_trigger),
        (SELECT count(*) || ':' || coalesce(sum(xmin::text::int8), 0) FROM pg_catalog.pg_collation)) AS fingerprint
      """;

  private record KnownCatalog(String fingerprint, Catalog catalog) {}

  /**
   * What the safety lint weighs a pending migration by: how many rows each table holds, as
   * estimated.
   */
  static final String ROW_ESTIMATES =
      """
      SELECT n.nspname::text AS schema_name, c.relname::text AS name, c.reltuples::int8 AS row_count
      FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND NOT pg_catalog.starts_with(n.nspname::text, 'pg_toast')
      """;

  private final TargetReads reads;
  private final PostgresCatalogReader catalogs;
  private final Map<UUID, KnownCatalog> known =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, KnownCatalog> eldest) {
              return size() > 64;
            }
          });

  public PostgresTargetReader(TargetReads reads, PostgresCatalogReader catalogs) {
    this.reads = reads;
    this.catalogs = catalogs;
  }

  @Override
  public Uni<TargetSnapshot> read(UUID environmentId, PrismaDatabaseUrl url) {
    return reads.read(
        environmentId,
        url,
        true,
        pool -> pool.withTransaction(connection -> readIn(environmentId, connection, url)),
        PostgresTargetReader::explain);
  }

  private Uni<TargetSnapshot> readIn(
      UUID environmentId, SqlConnection connection, PrismaDatabaseUrl url) {
    String schema = url.schema();
    return connection
        .preparedQuery(PROBE)
        .execute(Tuple.of(schema))
        .flatMap(
            probe -> {
              Row row = probe.iterator().next();
              boolean hasHistory = row.getBoolean("has_history");
              boolean hasTables = row.getBoolean("has_tables");
              boolean deployLock = row.getBoolean("deploy_lock");
              String contractTables = row.getString("contract_tables");
              Uni<List<HistoryRow>> rows =
                  hasHistory ? readRows(connection, schema) : Uni.createFrom().item(List.of());
              // The catalog in the same read-only transaction: history and schema are one snapshot.
              return rows.flatMap(
                  history ->
                      PrismaContractTables.read(connection, contractTables)
                          .flatMap(
                              contract ->
                                  catalog(environmentId, connection)
                                      .flatMap(
                                          catalog ->
                                              rowEstimates(connection)
                                                  .map(
                                                      estimates ->
                                                          new TargetSnapshot(
                                                              "postgresql",
                                                              hasHistory,
                                                              hasTables,
                                                              history,
                                                              deployLock,
                                                              new DatasourceLine(
                                                                  "PostgreSQL",
                                                                  url.database(),
                                                                  schema,
                                                                  url.host() + ":" + url.port()),
                                                              Optional.of(catalog),
                                                              estimates,
                                                              contract)))));
            });
  }

  private static Uni<TableRows> rowEstimates(SqlConnection connection) {
    return connection.preparedQuery(ROW_ESTIMATES).execute().map(HistoryRows::estimates);
  }

  /**
   * The tables that hold at least one row, checked exactly ({@code EXISTS}, which reads one row at
   * most per table), in one read-only transaction. Asked only when a plan might recommend something
   * that is safe on an empty database alone: estimates are not enough for that.
   *
   * <p>The table names come from the database: each is a bind parameter where it is a value, and a
   * quoted identifier where it names the table (identifiers cannot be bound). A prepared statement
   * is one statement, so no name can end it and start another, whatever the server's
   * standard_conforming_strings.
   */
  @Override
  public Uni<Set<String>> tablesWithRows(
      UUID environmentId, PrismaDatabaseUrl url, Collection<QualifiedName> tables) {
    if (tables.isEmpty()) {
      return Uni.createFrom().item(Set.of());
    }
    List<QualifiedName> all = List.copyOf(tables);
    return reads.read(
        environmentId,
        url,
        false,
        pool ->
            pool.withTransaction(
                connection ->
                    TargetReads.withRows(connection, all, PostgresTargetReader::rowsCheck)),
        PostgresTargetReader::explain);
  }

  /**
   * {@code SELECT $1::text AS name WHERE EXISTS (SELECT 1 FROM "s"."t") UNION ALL ...} for these
   * tables.
   */
  static String rowsCheck(List<QualifiedName> tables) {
    StringBuilder sql = new StringBuilder();
    for (int i = 0; i < tables.size(); i++) {
      QualifiedName table = tables.get(i);
      sql.append(i == 0 ? "" : " UNION ALL ")
          .append("SELECT $")
          .append(i + 1)
          .append("::text AS name WHERE EXISTS (SELECT 1 FROM ")
          .append(quote(table.schema()))
          .append('.')
          .append(quote(table.name()))
          .append(')');
    }
    return sql.toString();
  }

  /**
   * The database's catalog: the one read last time when its fingerprint did not change, else read
   * now.
   */
  private Uni<Catalog> catalog(UUID environmentId, SqlConnection connection) {
    return connection
        .preparedQuery(CATALOG_FINGERPRINT)
        .execute()
        .flatMap(
            rows -> {
              String fingerprint = rows.iterator().next().getString("fingerprint");
              KnownCatalog last = known.get(environmentId);
              if (last != null && last.fingerprint().equals(fingerprint)) {
                return Uni.createFrom().item(last.catalog());
              }
              return catalogs
                  .read(connection, Set.of())
                  .invoke(
                      catalog -> known.put(environmentId, new KnownCatalog(fingerprint, catalog)));
            });
  }

  private static Uni<List<HistoryRow>> readRows(SqlConnection connection, String schema) {
    String sql =
        "SELECT "
            + HistoryRows.COLUMNS
            + " FROM "
            + quote(schema)
            + "._prisma_migrations ORDER BY started_at, id";
    return connection
        .preparedQuery(sql)
        .execute()
        .map(
            result ->
                HistoryRows.of(result, (row, column) -> instant(row.getOffsetDateTime(column))));
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private static Instant instant(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }

  /**
   * Turns a driver failure into a sentence that says what to check; never includes the URL's
   * password.
   */
  static TargetUnavailableException explain(Throwable failure, PrismaDatabaseUrl url) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      if (root instanceof PgException) {
        break;
      }
      root = root.getCause();
    }
    String reason;
    if (root instanceof PgException pg) {
      reason =
          switch (pg.getSqlState() == null ? "" : pg.getSqlState()) {
            case "28P01", "28000" ->
                "authentication failed for user `"
                    + url.user()
                    + "`: check the credentials in databaseUrl";
            case "3D000" -> "database `" + url.database() + "` does not exist";
            case "42501" ->
                "user `"
                    + url.user()
                    + "` may not read the history: "
                    + pg.getErrorMessage()
                    + " (grant SELECT on _prisma_migrations)";
            case "57014" -> "a query was cancelled by statement_timeout";
            case "53300" -> "the server has no free connection slot";
            default -> pg.getErrorMessage() + " (SQLSTATE " + pg.getSqlState() + ")";
          };
    } else {
      reason = TargetReads.transportReason(root, url);
    }
    return TargetReads.unavailable(url, reason);
  }
}
