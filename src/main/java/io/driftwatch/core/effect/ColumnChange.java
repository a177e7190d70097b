package io.driftwatch.core.effect;

import java.util.Locale;

/**
 * What an {@code ALTER TABLE ... ALTER COLUMN} changes, read once by {@link StatementEffects} so
 * that the pre-flight, reverse SQL, triage and data-at-risk never re-read the clause's text ({@link
 * Effect#detail} keeps it as written, for messages).
 */
public enum ColumnChange {
  /** Not an ALTER COLUMN. */
  NONE,
  SET_NOT_NULL,
  DROP_NOT_NULL,
  SET_DEFAULT,
  DROP_DEFAULT,
  /** {@code TYPE ...} or {@code SET DATA TYPE ...}: the table is rewritten. */
  SET_TYPE,
  /** Anything else: statistics, storage, identity... */
  OTHER;

  /** The change a clause as written makes ({@code SET NOT NULL}, {@code TYPE "text"}...). */
  static ColumnChange of(String clause) {
    String upper = clause.toUpperCase(Locale.ROOT);
    if (upper.startsWith("SET NOT NULL")) {
      return SET_NOT_NULL;
    }
    if (upper.startsWith("DROP NOT NULL")) {
      return DROP_NOT_NULL;
    }
    if (upper.startsWith("SET DEFAULT")) {
      return SET_DEFAULT;
    }
    if (upper.startsWith("DROP DEFAULT")) {
      return DROP_DEFAULT;
    }
    if (upper.startsWith("TYPE") || upper.startsWith("SET DATA TYPE")) {
      return SET_TYPE;
    }
    return OTHER;
  }
}
