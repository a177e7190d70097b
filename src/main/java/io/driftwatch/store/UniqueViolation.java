package io.driftwatch.store;

import io.vertx.pgclient.PgException;
import org.hibernate.JDBCException;

/**
 * Two requests raced for one unique key: the index decided, and the loser should hear 409, not 500.
 */
public final class UniqueViolation {

  private UniqueViolation() {}

  public static boolean is(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof PgException pg && "23505".equals(pg.getSqlState())
          || cause instanceof JDBCException jdbc && "23505".equals(jdbc.getSQLState())) {
        return true;
      }
      if (cause.getCause() == cause) {
        break;
      }
    }
    return false;
  }
}
