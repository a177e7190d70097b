package io.driftwatch.database.postgres;

import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.core.TargetSnapshot;
import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.TableRows;
import io.driftwatch.core.history.HistoryRow;
import io.driftwatch.core.prisma.PrismaStatus.DatasourceLine;
import io.driftwatch.database.OutboundPolicy;
import io.driftwatch.database.PrismaDatabaseUrl;
import io.driftwatch.database.TargetPools;
import io.driftwatch.database.TargetReader;
import io.driftwatch.database.TargetUnavailableException;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;

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
      SELECT n.nspname::text AS schema, c.relname::text AS name, c.reltuples::int8 AS rows
      FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
      WHERE c.relkind IN ('r', 'p') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
        AND NOT pg_catalog.starts_with(n.nspname::text, 'pg_toast')
      """;

  private final TargetPools pools;
  private final PostgresCatalogReader catalogs;
  private final Map<UUID, KnownCatalog> known =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, KnownCatalog> eldest) {
              return size() > 64;
            }
          });
  private final OutboundPolicy outbound;
  private final Duration deadline;

  public PostgresTargetReader(
      TargetPools pools,
      PostgresCatalogReader catalogs,
      OutboundPolicy outbound,
      DriftwatchConfig config) {
    this.pools = pools;
    this.catalogs = catalogs;
    this.outbound = outbound;
    this.deadline =
        config.target().connectTimeout().plus(config.target().statementTimeout().multipliedBy(2));
  }

  @Override
  public Uni<TargetSnapshot> read(UUID environmentId, PrismaDatabaseUrl url) {
    // The outbound check resolves the host name: a blocking call, so on a worker thread.
    return Uni.createFrom()
        .item(() -> Optional.ofNullable(outbound.refusal(url.host())))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .flatMap(
            refusal ->
                refusal.isPresent()
                    ? Uni.createFrom()
                        .failure(
                            new TargetUnavailableException(
                                "cannot read the database: " + refusal.get()))
                    : leased(environmentId, url, pool -> readFrom(environmentId, pool, url)));
  }

  /** Runs a read on the environment's pool, holding it until the read ends however it ends. */
  private <T> Uni<T> leased(
      UUID environmentId, PrismaDatabaseUrl url, Function<Pool, Uni<T>> read) {
    return Uni.createFrom()
        .item(() -> pools.lease(environmentId, url))
        .flatMap(lease -> read.apply(lease.pool()).eventually(lease::release));
  }

  private Uni<TargetSnapshot> readFrom(UUID environmentId, Pool pool, PrismaDatabaseUrl url) {
    return pool.withTransaction(connection -> readIn(environmentId, connection, url))
        .ifNoItem()
        .after(deadline)
        .failWith(
            () -> {
              pools.evict(
                  environmentId); // its connection may be stuck in a handshake that never ends
              return new TargetUnavailableException(
                  "the database at "
                      + where(url)
                      + " did not answer within "
                      + deadline.toSeconds()
                      + " s");
            })
        .onFailure(failure -> !(failure instanceof TargetUnavailableException))
        .transform(failure -> explain(failure, url));
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
    return connection
        .preparedQuery(ROW_ESTIMATES)
        .execute()
        .map(
            rows -> {
              Map<QualifiedName, Long> estimates = new HashMap<>();
              for (Row row : rows) {
                estimates.put(
                    QualifiedName.of(row.getString("schema"), row.getString("name")),
                    row.getLong("rows"));
              }
              return new TableRows(estimates);
            });
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
    return leased(
        environmentId,
        url,
        pool ->
            pool.withTransaction(connection -> withRows(connection, all))
                .ifNoItem()
                .after(deadline)
                .failWith(
                    () ->
                        new TargetUnavailableException(
                            "the database at "
                                + where(url)
                                + " did not answer within "
                                + deadline.toSeconds()
                                + " s"))
                .onFailure(failure -> !(failure instanceof TargetUnavailableException))
                .transform(failure -> explain(failure, url)));
  }

  /** At most this many tables per statement: a statement has at most 65,535 parameters. */
  static final int TABLES_PER_CHECK = 1000;

  /**
   * One statement per chunk of tables, one after the other (a loop: a Uni chained per chunk nests
   * per chunk).
   */
  private static Uni<Set<String>> withRows(SqlConnection connection, List<QualifiedName> tables) {
    List<List<QualifiedName>> chunks = new ArrayList<>();
    for (int from = 0; from < tables.size(); from += TABLES_PER_CHECK) {
      chunks.add(tables.subList(from, Math.min(tables.size(), from + TABLES_PER_CHECK)));
    }
    Set<String> found = new TreeSet<>();
    return Multi.createFrom()
        .iterable(chunks)
        .onItem()
        .transformToUniAndConcatenate(
            chunk ->
                connection
                    .preparedQuery(rowsCheck(chunk))
                    .execute(
                        Tuple.tuple(
                            chunk.stream()
                                .map(table -> (Object) (table.schema() + "." + table.name()))
                                .toList())))
        .onItem()
        .invoke(rows -> rows.forEach(row -> found.add(row.getString("name"))))
        .collect()
        .last()
        .replaceWith(found);
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
        "SELECT id, checksum, finished_at, migration_name, logs, rolled_back_at, started_at, applied_steps_count"
            + " FROM "
            + quote(schema)
            + "._prisma_migrations ORDER BY started_at, id";
    return connection
        .preparedQuery(sql)
        .execute()
        .map(
            result -> {
              List<HistoryRow> rows = new ArrayList<>(result.size());
              for (Row row : result) {
                rows.add(
                    new HistoryRow(
                        row.getString("id"),
                        row.getString("checksum"),
                        instant(row.getOffsetDateTime("finished_at")),
                        row.getString("migration_name"),
                        row.getString("logs"),
                        instant(row.getOffsetDateTime("rolled_back_at")),
                        instant(row.getOffsetDateTime("started_at")),
                        row.getInteger("applied_steps_count")));
              }
              return rows;
            });
  }

  static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private static Instant instant(OffsetDateTime value) {
    return value == null ? null : value.toInstant();
  }

  private static String where(PrismaDatabaseUrl url) {
    return url.host() + ":" + url.port() + "/" + url.database();
  }

  /**
   * Turns a driver failure into a sentence that says what to check; never includes the URL's
   * password.
   */
  static TargetUnavailableException explain(Throwable failure, PrismaDatabaseUrl url) {
    String where = where(url);
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
    } else if (root instanceof UnknownHostException) {
      reason = "unknown host `" + url.host() + "`";
    } else if (root instanceof ConnectException
        || root.getClass().getName().contains("ConnectTimeout")) {
      reason = "cannot connect: " + safe(root.getMessage(), url);
    } else {
      reason =
          safe(
              root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage(), url);
    }
    return new TargetUnavailableException("cannot read the database at " + where + ": " + reason);
  }

  private static String safe(String message, PrismaDatabaseUrl url) {
    String text = message == null ? "no detail" : message;
    return url.password().filter(p -> !p.isEmpty()).map(p -> text.replace(p, "****")).orElse(text);
  }
}
