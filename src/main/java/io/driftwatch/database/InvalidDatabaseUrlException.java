package io.driftwatch.database;

/** A {@code databaseUrl} that cannot be used; the message never contains the password. */
public final class InvalidDatabaseUrlException extends IllegalArgumentException {

  public InvalidDatabaseUrlException(String message) {
    super(message);
  }
}
