package io.driftwatch.database.postgres;

import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.database.PoolFactory;
import io.driftwatch.database.PrismaDatabaseUrl;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.pgclient.PgBuilder;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.SslMode;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * Opens PostgreSQL pools with PgBuilder. Every connection is read-only from its first packet: the
 * session defaults are sent as startup parameters ({@code default_transaction_read_only}, {@code
 * standard_conforming_strings}, timeouts, {@code application_name}).
 */
@ApplicationScoped
public class PostgresPools implements PoolFactory {

  private final Vertx vertx;
  private final DriftwatchConfig.Target config;

  public PostgresPools(Vertx vertx, DriftwatchConfig config) {
    this.vertx = vertx;
    this.config = config.target();
  }

  @Override
  public String provider() {
    return PostgresUrlSyntax.INSTANCE.scheme();
  }

  @Override
  public Pool open(PrismaDatabaseUrl url) {
    PgConnectOptions options = connectOptions(url, config);
    return Pool.newInstance(
        PgBuilder.pool()
            .with(PoolFactory.onePooledConnection(config))
            .connectingTo(options)
            .using(vertx.getDelegate())
            .build());
  }

  /** The connection and its session defaults, sent as startup parameters. */
  public static PgConnectOptions connectOptions(
      PrismaDatabaseUrl url, DriftwatchConfig.Target config) {
    PgConnectOptions options =
        new PgConnectOptions()
            .setHost(url.host())
            .setPort(url.port())
            .setDatabase(url.database())
            .setUser(url.user())
            .setPassword(url.password().orElse(""))
            .setConnectTimeout((int) config.connectTimeout().toMillis())
            .setReconnectAttempts(0)
            .setCachePreparedStatements(false)
            .setProperties(
                Map.of(
                    "application_name",
                    "driftwatch",
                    "default_transaction_read_only",
                    "on",
                    // Whatever the server's default: a backslash in a literal never ends it (every
                    // value is bound anyway).
                    "standard_conforming_strings",
                    "on",
                    "statement_timeout",
                    String.valueOf(config.statementTimeout().toMillis()),
                    "lock_timeout",
                    String.valueOf(config.lockTimeout().toMillis()),
                    "idle_in_transaction_session_timeout",
                    String.valueOf(config.statementTimeout().toMillis())));
    switch (url.sslMode()) {
      case "disable" -> options.setSslMode(SslMode.DISABLE);
      case "require" -> options.setSslMode(SslMode.REQUIRE).setTrustAll(true);
      case "verify-ca" -> options.setSslMode(SslMode.VERIFY_CA);
      case "verify-full" ->
          options.setSslMode(SslMode.VERIFY_FULL).setHostnameVerificationAlgorithm("HTTPS");
      default -> options.setSslMode(SslMode.PREFER).setTrustAll(true);
    }
    url.parameter("sslrootcert")
        .ifPresent(cert -> options.setPemTrustOptions(new PemTrustOptions().addCertPath(cert)));
    return options;
  }
}
