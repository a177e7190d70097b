package io.driftwatch.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.smallrye.mutiny.CompositeException;
import io.vertx.pgclient.PgException;
import java.net.ConnectException;
import java.net.SocketException;
import java.sql.SQLException;
import java.util.concurrent.CompletionException;
import org.hibernate.HibernateException;
import org.junit.jupiter.api.Test;

class StoreFailuresTest {

  @Test
  void a_refused_or_lost_connection_is_unreachable_however_wrapped() {
    assertThat(StoreFailures.unreachable(new ConnectException("Connection refused"))).isTrue();
    assertThat(
            StoreFailures.unreachable(
                new CompletionException(new IllegalStateException(new ConnectException()))))
        .isTrue();
    assertThat(
            StoreFailures.unreachable(
                new CompositeException(
                    new IllegalStateException("first"), new SQLException("I/O error", "08006"))))
        .isTrue();
    assertThat(
            StoreFailures.unreachable(
                new PgException(
                    "terminating connection due to administrator command", "FATAL", "57P01", null)))
        .isTrue();
    assertThat(
            StoreFailures.unreachable(
                new PgException("the database system is starting up", "FATAL", "57P03", null)))
        .isTrue();
  }

  /**
   * A pooled connection the server cut (the store closed to connections while a session was open)
   * surfaces from Hibernate Reactive as a reset socket: seen as a 500 in StoreGoneTest.
   */
  @Test
  void a_connection_reset_under_a_query_is_unreachable() {
    assertThat(
            StoreFailures.unreachable(
                new HibernateException(new SocketException("Connection reset"))))
        .isTrue();
    assertThat(StoreFailures.unreachable(new SocketException("Broken pipe"))).isTrue();
  }

  @Test
  void a_store_database_renamed_dropped_or_closed_is_unreachable() {
    assertThat(
            StoreFailures.unreachable(
                new PgException("database \"dw\" does not exist", "FATAL", "3D000", null)))
        .isTrue();
    assertThat(
            StoreFailures.unreachable(
                new PgException(
                    "database \"dw\" is not currently accepting connections",
                    "FATAL",
                    "55000",
                    null)))
        .isTrue();
    assertThat(
            StoreFailures.unreachable(
                new PgException("permission denied for database \"dw\"", "FATAL", "42501", null)))
        .isTrue();
    assertThat(
            StoreFailures.unreachable(
                new SQLException("FATAL: database \"dw\" does not exist", "3D000")))
        .isTrue();
  }

  @Test
  void other_failures_are_not() {
    assertThat(
            StoreFailures.unreachable(
                new PgException("permission denied for table audit", "ERROR", "42501", null)))
        .as("a query refused within a working session is a failure of its own")
        .isFalse();
    assertThat(StoreFailures.unreachable(new IllegalStateException("bug"))).isFalse();
    assertThat(StoreFailures.unreachable(new SQLException("duplicate key", "23505"))).isFalse();
    assertThat(
            StoreFailures.unreachable(
                new PgException("relation does not exist", "ERROR", "42P01", null)))
        .isFalse();
    assertThat(StoreFailures.unreachable(new SQLException("no state"))).isFalse();
    RuntimeException cycle = new RuntimeException("a");
    RuntimeException other = new RuntimeException("b", cycle);
    cycle.initCause(other);
    assertThat(StoreFailures.unreachable(cycle)).isFalse();
  }
}
