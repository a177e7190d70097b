package io.driftwatch.database;

import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.core.catalog.QualifiedName;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How every dialect's reader reaches a watched database: the outbound policy first (its host name
 * resolved on a worker thread), then a lease on the environment's pool held until the read ends, a
 * deadline over the whole read (connect plus two statement timeouts; a pool whose connection missed
 * it is evicted, as it may be stuck in a handshake), and every other failure turned into a sentence
 * by the dialect's {@code explain}.
 */
@ApplicationScoped
public class TargetReads {

  /** At most this many tables per statement: a statement has at most 65,535 parameters. */
  public static final int TABLES_PER_CHECK = 1000;

  private final TargetPools pools;
  private final OutboundPolicy outbound;
  private final Duration deadline;

  public TargetReads(TargetPools pools, OutboundPolicy outbound, DriftwatchConfig config) {
    this.pools = pools;
    this.outbound = outbound;
    this.deadline =
        config.target().connectTimeout().plus(config.target().statementTimeout().multipliedBy(2));
  }

  /** The whole read's bound. */
  public Duration deadline() {
    return deadline;
  }

  /**
   * Runs a read on the environment's pool.
   *
   * @param evictOnTimeout whether a read that missed the deadline drops the pool
   * @return a failure {@link TargetUnavailableException} with a sentence safe to show
   */
  public <T> Uni<T> read(
      UUID environmentId,
      PrismaDatabaseUrl url,
      boolean evictOnTimeout,
      Function<Pool, Uni<T>> read,
      BiFunction<Throwable, PrismaDatabaseUrl, TargetUnavailableException> explain) {
    return Uni.createFrom()
        .item(() -> Optional.ofNullable(outbound.refusal(url.host())))
        .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
        .flatMap(
            refusal ->
                refusal.isPresent()
                    ? Uni.createFrom()
                        .<T>failure(
                            new TargetUnavailableException(
                                "cannot read the database: " + refusal.get()))
                    : leased(environmentId, url, read)
                        .ifNoItem()
                        .after(deadline)
                        .failWith(
                            () -> {
                              if (evictOnTimeout) {
                                pools.evict(environmentId);
                              }
                              return new TargetUnavailableException(
                                  "the database at "
                                      + where(url)
                                      + " did not answer within "
                                      + deadline.toSeconds()
                                      + " s");
                            })
                        .onFailure(failure -> !(failure instanceof TargetUnavailableException))
                        .transform(failure -> explain.apply(failure, url)));
  }

  private <T> Uni<T> leased(
      UUID environmentId, PrismaDatabaseUrl url, Function<Pool, Uni<T>> read) {
    return Uni.createFrom()
        .item(() -> pools.lease(environmentId, url))
        .flatMap(lease -> read.apply(lease.pool()).eventually(lease::release));
  }

  /** {@code host:port/database}: where a message says the database is. */
  public static String where(PrismaDatabaseUrl url) {
    return url.host() + ":" + url.port() + "/" + url.database();
  }

  /**
   * The tables of {@code tables} that hold a row: one statement per chunk of {@link
   * #TABLES_PER_CHECK}, one after the other (a loop: a Uni chained per chunk nests per chunk), each
   * answering the {@code name} of the tables with a row. The names are bound as values; {@code
   * statement} quotes them where they name a table.
   */
  public static Uni<Set<String>> withRows(
      SqlConnection connection,
      List<QualifiedName> tables,
      Function<List<QualifiedName>, String> statement) {
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
                    .preparedQuery(statement.apply(chunk))
                    .execute(
                        Tuple.tuple(
                            chunk.stream()
                                .map(table -> (Object) (table.schema() + "." + table.name()))
                                .toList())))
        .onItem()
        .invoke((RowSet<Row> rows) -> rows.forEach(row -> found.add(row.getString("name"))))
        .collect()
        .last()
        .replaceWith(found);
  }

  /**
   * Why a read failed below the database's protocol (name lookup, connection, TLS...): a sentence
   * without the password.
   */
  public static String transportReason(Throwable root, PrismaDatabaseUrl url) {
    if (root instanceof UnknownHostException) {
      return "unknown host `" + url.host() + "`";
    }
    if (root instanceof ConnectException || root.getClass().getName().contains("ConnectTimeout")) {
      return "cannot connect: " + safe(root.getMessage(), url);
    }
    return safe(
        root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage(), url);
  }

  /** The failure an audit shows: where the database is and why it could not be read. */
  public static TargetUnavailableException unavailable(PrismaDatabaseUrl url, String reason) {
    return new TargetUnavailableException(
        "cannot read the database at " + where(url) + ": " + reason);
  }

  /** The password (if any) masked out of a driver's message. */
  public static String safe(String message, PrismaDatabaseUrl url) {
    String text = message == null ? "no detail" : message;
    return url.password().filter(p -> !p.isEmpty()).map(p -> text.replace(p, "****")).orElse(text);
  }
}
