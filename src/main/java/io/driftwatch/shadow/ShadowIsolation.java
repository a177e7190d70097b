package io.driftwatch.shadow;

import io.driftwatch.config.DriftwatchConfig;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Keeps replays away from the service's own store. At start-up the store's database stops letting
 * every role connect ({@code REVOKE CONNECT, TEMPORARY … FROM PUBLIC}), so that a replay role on
 * the same server cannot reach it; and whether the shadow server is the store's own server is found
 * out (the same postmaster: its start time and port), warned about outside the quick start, and
 * shown by {@code /q/health}.
 */
@ApplicationScoped
public class ShadowIsolation {

  private static final Logger LOG = Logger.getLogger(ShadowIsolation.class);
  private static final Duration BOUND = Duration.ofSeconds(15);
  private static final String IDENTITY =
      "SELECT pg_catalog.pg_postmaster_start_time()::text || ' port '"
          + " || pg_catalog.current_setting('port') AS identity";

  /**
   * What is known of the shadow server's place.
   *
   * @param separate true when it is another server than the store's, empty until known (it may be
   *     down)
   * @param storeConnect what became of PUBLIC's CONNECT on the store database
   */
  public record State(String shadowServer, Optional<Boolean> separate, String storeConnect) {}

  private final Pool store;
  private final ShadowConnector connector;
  private final ShadowServer shadows;
  private final boolean configured;
  private final boolean quickStart;
  private final String masterKey;
  private volatile State state;

  public ShadowIsolation(
      Pool store, ShadowConnector connector, ShadowServer shadows, DriftwatchConfig config) {
    this.store = store;
    this.connector = connector;
    this.shadows = shadows;
    this.configured = config.shadow().url().isPresent();
    this.quickStart = config.quickStart();
    this.masterKey = Path.of(config.dataDir(), "master.key").toString();
    this.state = new State(shadows.global().describe(), Optional.empty(), "not yet checked");
  }

  void onStart(@Observes StartupEvent event) {
    String storeConnect = revokePublicConnect().await().atMost(BOUND.plusSeconds(1));
    state = new State(state.shadowServer(), Optional.empty(), storeConnect);
    sameServer()
        .subscribe()
        .with(
            same -> {
              state = new State(state.shadowServer(), Optional.of(!same), storeConnect);
              if (same && quickStart) {
                LOG.infof(
                    "Quick start: migrations are replayed on the embedded PostgreSQL, as roles without privileges. That "
                        + "server runs as this process's OS user (%s), so the OS cannot keep %s from it; watch production only "
                        + "with a shadow server of its own (DRIFTWATCH_SHADOW_URL).",
                    System.getProperty("user.name"), masterKey);
              } else if (same) {
                LOG.warnf(
                    "Migrations are replayed on the store's own PostgreSQL server (%s). Each replay runs as a role "
                        + "without privileges, but a server of its own keeps even a broken sandbox away from the store: set "
                        + "DRIFTWATCH_SHADOW_URL to a separate, empty PostgreSQL (deploy/compose and deploy/kubernetes run one).",
                    shadows.global().describe());
              }
            },
            failure ->
                LOG.infof(
                    "could not tell whether the shadow server %s is the store's own: %s",
                    shadows.global().describe(), failure.getMessage()));
  }

  public State state() {
    return state;
  }

  public boolean quickStart() {
    return quickStart;
  }

  /**
   * Grants CONNECT to the store's own role first, so that the revoke can never lock the service
   * out.
   */
  private Uni<String> revokePublicConnect() {
    return store
        .withConnection(
            connection ->
                connection
                    .query(
                        "SELECT pg_catalog.current_database()::text AS name,"
                            + " pg_catalog.pg_has_role((SELECT datdba FROM pg_catalog.pg_database WHERE datname ="
                            + " pg_catalog.current_database()), 'MEMBER') AS owner")
                    .execute()
                    .flatMap(
                        rows -> {
                          Row row = rows.iterator().next();
                          String database = ReplaySandbox.quote(row.getString("name"));
                          if (!row.getBoolean("owner")) {
                            return Uni.createFrom()
                                .item("left as it is: the store's role does not own its database");
                          }
                          return connection
                              .query(
                                  "GRANT CONNECT, TEMPORARY ON DATABASE "
                                      + database
                                      + " TO CURRENT_USER; "
                                      + "REVOKE CONNECT, TEMPORARY ON DATABASE "
                                      + database
                                      + " FROM PUBLIC")
                              .execute()
                              .replaceWith("revoked from PUBLIC");
                        }))
        .ifNoItem()
        .after(BOUND)
        .recoverWithItem("not checked: the store did not answer in time")
        .onItem()
        .invoke(
            result -> {
              if (!result.startsWith("revoked")) {
                LOG.warnf(
                    "The store database's CONNECT for PUBLIC was %s. Revoke it as its owner "
                        + "(REVOKE CONNECT ON DATABASE <store> FROM PUBLIC) when the shadow server is the store's own.",
                    result);
              }
            })
        .onFailure()
        .recoverWithItem(
            failure -> {
              LOG.warnf(
                  "could not revoke PUBLIC's CONNECT on the store database: %s",
                  failure.getMessage());
              return "not revoked: " + failure.getMessage();
            });
  }

  private Uni<Boolean> sameServer() {
    if (!configured) {
      return Uni.createFrom().item(true); // the default shadow server is the store's
    }
    Uni<String> storeIdentity =
        store.query(IDENTITY).execute().map(rows -> rows.iterator().next().getString(0));
    Uni<String> shadowIdentity =
        connector
            .quick(shadows.global())
            .flatMap(
                connection ->
                    connector
                        .quickAnswer(connection.query(IDENTITY).execute(), shadows.global())
                        .map(rows -> rows.iterator().next().getString(0))
                        .eventually(connection::close));
    return Uni.combine()
        .all()
        .unis(storeIdentity, shadowIdentity)
        .asTuple()
        .map(both -> both.getItem1().equals(both.getItem2()))
        .ifNoItem()
        .after(BOUND)
        .fail();
  }
}
