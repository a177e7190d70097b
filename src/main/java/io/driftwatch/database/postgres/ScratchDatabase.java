package io.driftwatch.database.postgres;

import io.driftwatch.database.SeededHistoryRow;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.PoolOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A database of driftwatch's own on the service's PostgreSQL, made to play a watched one: the
 * demo's production database, with a schema and a Prisma history written as a team's would be. The
 * only database driftwatch ever writes besides its store; never a watched one (those are opened
 * read-only by {@link PostgresPools}).
 */
@ApplicationScoped
public class ScratchDatabase {

  /** A database name written into SQL as is: letters, digits and underscores only. */
  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private static final String INSERT_ROW =
      "INSERT INTO _prisma_migrations (id, checksum, finished_at, migration_name, logs,"
          + " rolled_back_at, started_at, applied_steps_count)"
          + " VALUES ($1, $2, $3, $4, $5, NULL, $6, $7)";

  /**
   * Where the service's PostgreSQL is, and who driftwatch is on it.
   *
   * @param url the store's URL ({@code postgresql://host:port/db})
   */
  public record Server(URI url, String user, String password) {

    public String host() {
      return url.getHost();
    }

    public int port() {
      return url.getPort() == -1 ? 5432 : url.getPort();
    }
  }

  private final Vertx vertx;
  private final Pool store;
  private final Server server;

  /**
   * @param store a pool on the service's own database, to create and drop the scratch one
   * @param storeUrl the store's URL, whose server the scratch database is made on
   */
  public ScratchDatabase(
      Vertx vertx,
      Pool store,
      @ConfigProperty(name = "quarkus.datasource.reactive.url") String storeUrl,
      @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
      @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
    this.vertx = vertx;
    this.store = store;
    this.server =
        new Server(
            URI.create(storeUrl.replaceFirst("^vertx-reactive:", "")),
            user.orElse("postgres"),
            password.orElse(""));
  }

  /** Where the scratch databases are made, and as whom. */
  public Server server() {
    return server;
  }

  /**
   * Drops the database if it exists (whoever is connected), creates it, runs {@code schemaSql} in
   * it and writes the Prisma history, in one transaction.
   */
  public Uni<Void> recreate(String database, String schemaSql, List<SeededHistoryRow> history) {
    if (!NAME.matcher(database).matches()) {
      throw new IllegalArgumentException("not a plain database name: " + database);
    }
    return store
        .query("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)")
        .execute()
        .call(() -> store.query("CREATE DATABASE " + database).execute())
        .call(() -> seed(database, schemaSql, history))
        .replaceWithVoid();
  }

  private Uni<Void> seed(String database, String schemaSql, List<SeededHistoryRow> history) {
    PgConnectOptions options =
        new PgConnectOptions()
            .setHost(server.host())
            .setPort(server.port())
            .setDatabase(database)
            .setUser(server.user())
            .setPassword(server.password());
    Pool scratch =
        Pool.newInstance(
            PgBuilder.pool()
                .with(new PoolOptions().setMaxSize(1))
                .connectingTo(options)
                .using(vertx.getDelegate())
                .build());
    return scratch
        .withTransaction(
            connection ->
                connection
                    .query(schemaSql)
                    .execute()
                    .call(() -> connection.query(PrismaHistoryTable.createIn("public")).execute())
                    .call(
                        () ->
                            connection
                                .preparedQuery(INSERT_ROW)
                                .executeBatch(history.stream().map(ScratchDatabase::row).toList())))
        .replaceWithVoid()
        .eventually(scratch::close);
  }

  private static Tuple row(SeededHistoryRow row) {
    return Tuple.tuple()
        .addString(UUID.randomUUID().toString())
        .addString(row.checksum())
        .addOffsetDateTime(row.finished())
        .addString(row.migration())
        .addString(row.logs())
        .addOffsetDateTime(row.started())
        .addInteger(row.appliedSteps());
  }
}
