package io.driftwatch.database.mysql;

import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.database.PoolFactory;
import io.driftwatch.database.PrismaDatabaseUrl;
import io.vertx.core.net.PemTrustOptions;
import io.vertx.core.net.PfxOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mysqlclient.MySQLBuilder;
import io.vertx.mysqlclient.MySQLConnectOptions;
import io.vertx.mysqlclient.SslMode;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Opens MySQL and MariaDB pools with MySQLBuilder. MySQL has no read-only startup parameter, so
 * every read starts with its session bounds and {@code START TRANSACTION READ ONLY} ({@link
 * MySqlSession}); the pool itself only bounds the connection.
 *
 * <p>TLS as Prisma's connector takes it: {@code sslaccept=strict} verifies the server's certificate
 * and name (against {@code sslcert} when given), {@code accept_invalid_certs} (the default)
 * encrypts without verifying; {@code sslidentity}/{@code sslpassword} present a PKCS#12 client
 * identity; a {@code socket} is used as the host (a Unix socket needs Vert.x's native transport).
 */
@ApplicationScoped
public class MySqlPools implements PoolFactory {

  private final Vertx vertx;
  private final DriftwatchConfig.Target config;

  public MySqlPools(Vertx vertx, DriftwatchConfig config) {
    this.vertx = vertx;
    this.config = config.target();
  }

  @Override
  public String provider() {
    return MySqlUrlSyntax.INSTANCE.scheme();
  }

  @Override
  public Pool open(PrismaDatabaseUrl url) {
    return Pool.newInstance(
        MySQLBuilder.pool()
            .with(PoolFactory.onePooledConnection(config))
            .connectingTo(connectOptions(url, config))
            .using(vertx.getDelegate())
            .build());
  }

  public static MySQLConnectOptions connectOptions(
      PrismaDatabaseUrl url, DriftwatchConfig.Target config) {
    MySQLConnectOptions options =
        new MySQLConnectOptions()
            .setHost(url.parameter("socket").orElse(url.host()))
            .setPort(url.port())
            .setDatabase(url.database())
            .setUser(url.user())
            .setPassword(url.password().orElse(""))
            .setConnectTimeout((int) config.connectTimeout().toMillis())
            .setReconnectAttempts(0)
            .setCachePreparedStatements(false)
            .setCharset("utf8mb4");
    options.getProperties().put("program_name", "driftwatch");
    boolean strict = url.parameter("sslaccept").orElse("accept_invalid_certs").equals("strict");
    if (strict) {
      options.setSslMode(SslMode.VERIFY_IDENTITY).setHostnameVerificationAlgorithm("HTTPS");
      url.parameter("sslcert")
          .ifPresent(cert -> options.setPemTrustOptions(new PemTrustOptions().addCertPath(cert)));
    } else {
      boolean asked =
          url.parameter("sslaccept").isPresent()
              || url.parameter("sslcert").isPresent()
              || url.parameter("sslidentity").isPresent();
      options.setSslMode(asked ? SslMode.REQUIRED : SslMode.PREFERRED).setTrustAll(true);
    }
    url.parameter("sslidentity")
        .ifPresent(
            identity ->
                options.setPfxKeyCertOptions(
                    new PfxOptions()
                        .setPath(identity)
                        .setPassword(url.parameter("sslpassword").orElse(""))));
    return options;
  }
}
