package io.driftwatch.shadow;

import io.driftwatch.config.DriftwatchConfig;
import io.driftwatch.database.ShadowUnavailableException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.PgConnection;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Every connection driftwatch opens to a shadow server, and every wait on its answers, bounded.
 *
 * <p>The PostgreSQL client's own connect timeout covers the TCP connect only: a server that accepts
 * and never answers (another service's port, a wedged server) leaves the start-up handshake, and
 * any query, waiting forever. So each connection is given up after {@code
 * driftwatch.shadow.connect-timeout} (the audit then says the shadow server did not answer), a
 * connection that arrives after that is closed, and each socket carries an idle timeout, so that
 * the client closes one the server never answers on instead of keeping it open: no wait and no
 * socket outlives its bound. The idle timeout is a backstop chosen per session: above the longest
 * silence a healthy server can keep on it (a manager statement's own {@code statement_timeout}, a
 * replay's whole timeout).
 */
@ApplicationScoped
class ShadowConnector {

  private final Vertx vertx;
  private final Duration connectTimeout;
  private final Duration replayTimeout;

  ShadowConnector(Vertx vertx, DriftwatchConfig config) {
    this.vertx = vertx;
    this.connectTimeout = config.shadow().connectTimeout();
    this.replayTimeout = config.shadow().timeout();
  }

  /**
   * A manager session for a few quick catalog reads (the server's facts, its identity): silent past
   * the bound.
   */
  Uni<PgConnection> quick(ShadowTarget target) {
    return open(target, target.maintenanceOptions(), connectTimeout);
  }

  /**
   * A manager session that makes or unmakes sandboxes: its statements end within the manager's
   * statement timeout.
   */
  Uni<PgConnection> manager(ShadowTarget target) {
    return open(target, target.maintenanceOptions(), managerAnswer());
  }

  /**
   * A replay role's session in its scratch database: a script may keep it silent until the replay's
   * timeout.
   */
  Uni<PgConnection> replay(ShadowTarget target, ReplaySandbox sandbox, String schema) {
    return open(target, target.replayOptions(sandbox, schema), replayTimeout.plus(connectTimeout));
  }

  /** The wait on a quick answer (server facts), bounded by the connect timeout. */
  <T> Uni<T> quickAnswer(Uni<T> call, ShadowTarget target) {
    return call.ifNoItem().after(connectTimeout).failWith(() -> silent(target, connectTimeout));
  }

  /**
   * The wait on a manager statement's answer: the server ends it at its statement timeout, or it
   * never answers.
   */
  <T> Uni<T> managerAnswer(Uni<T> call, ShadowTarget target) {
    return call.ifNoItem()
        .after(managerAnswer())
        .failWith(
            () ->
                new ShadowUnavailableException(
                    "the shadow server at "
                        + target.address()
                        + " did not answer a statement of driftwatch's manager role within "
                        + seconds(managerAnswer())
                        + " (its statement_timeout is "
                        + seconds(ShadowTarget.MANAGER_STATEMENT_TIMEOUT)
                        + ")"));
  }

  Duration connectTimeout() {
    return connectTimeout;
  }

  Duration managerAnswer() {
    return ShadowTarget.MANAGER_STATEMENT_TIMEOUT.plus(connectTimeout);
  }

  private Uni<PgConnection> open(
      ShadowTarget target, PgConnectOptions options, Duration idleBackstop) {
    PgConnectOptions bounded =
        options
            .setConnectTimeout(Math.toIntExact(connectTimeout.toMillis()))
            .setIdleTimeout(Math.toIntExact(idleBackstop.toMillis()))
            .setIdleTimeoutUnit(TimeUnit.MILLISECONDS)
            .setReconnectAttempts(0);
    return Uni.createFrom()
        .<PgConnection>emitter(
            emitter -> {
              AtomicBoolean settled = new AtomicBoolean();
              emitter.onTermination(
                  () -> settled.set(true)); // given up (past the bound), or delivered
              PgConnection.connect(vertx, bounded)
                  .subscribe()
                  .with(
                      connection -> {
                        if (settled.getAndSet(true)) {
                          connection
                              .close()
                              .subscribe()
                              .with(closed -> {}, failure -> {}); // it came after the bound
                        } else {
                          emitter.complete(connection);
                        }
                      },
                      emitter::fail);
            })
        .ifNoItem()
        .after(connectTimeout)
        .failWith(() -> silent(target, connectTimeout))
        .onFailure(failure -> !(failure instanceof ShadowUnavailableException))
        .transform(
            failure ->
                new ShadowUnavailableException(
                    "the shadow server at "
                        + target.address()
                        + " cannot be connected to: "
                        + ReplayErrors.bounded(failure.getMessage())));
  }

  private static ShadowUnavailableException silent(ShadowTarget target, Duration bound) {
    return new ShadowUnavailableException(
        "the shadow server at "
            + target.address()
            + " did not answer within "
            + seconds(bound)
            + " (driftwatch.shadow.connect-timeout)");
  }

  /** "10 s", or "1.5 s" for a bound that is not whole seconds. */
  private static String seconds(Duration bound) {
    return bound.toMillis() % 1000 == 0
        ? bound.toSeconds() + " s"
        : bound.toMillis() / 1000.0 + " s";
  }
}
