package io.driftwatch.core.prisma.schema;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The names Prisma Migrate gives on PostgreSQL to what the schema leaves unnamed, and PostgreSQL's
 * own identifier limit. Mirrors {@code ConstraintNames} in prisma-engines: default names use
 * database names (after {@code @map}/{@code @@map}), and are cut to fit 63 bytes before the suffix.
 */
public final class PostgresNames {

  /** PostgreSQL's NAMEDATALEN - 1: longer identifiers are silently truncated. */
  public static final int MAX_IDENTIFIER_BYTES = 63;

  private PostgresNames() {}

  /** The identifier as PostgreSQL stores it: at most 63 UTF-8 bytes, cut between characters. */
  public static String truncate(String identifier) {
    return floorBytes(identifier, MAX_IDENTIFIER_BYTES);
  }

  /** {@code {table}_pkey}. */
  public static String primaryKey(String table) {
    return floorBytes(table, MAX_IDENTIFIER_BYTES - 5) + "_pkey";
  }

  /** {@code {table}_{column}_{column}_key}. */
  public static String uniqueIndex(String table, List<String> columns) {
    return withColumns(table, columns, "_key");
  }

  /** {@code {table}_{column}_{column}_idx}. */
  public static String index(String table, List<String> columns) {
    return withColumns(table, columns, "_idx");
  }

  /** {@code {table}_{column}_{column}_fkey}, {@code table} being the referencing table. */
  public static String foreignKey(String table, List<String> columns) {
    return withColumns(table, columns, "_fkey");
  }

  private static String withColumns(String table, List<String> columns, String suffix) {
    String joined = table + "_" + String.join("_", columns);
    return floorBytes(joined, MAX_IDENTIFIER_BYTES - suffix.length()) + suffix;
  }

  /** The longest prefix of at most {@code maxBytes} UTF-8 bytes that does not split a character. */
  static String floorBytes(String s, int maxBytes) {
    if (s.length() * 3 <= maxBytes || s.getBytes(StandardCharsets.UTF_8).length <= maxBytes) {
      return s;
    }
    int bytes = 0;
    int end = 0;
    while (end < s.length()) {
      int codePoint = s.codePointAt(end);
      int width = codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4;
      if (bytes + width > maxBytes) {
        break;
      }
      bytes += width;
      end += Character.charCount(codePoint);
    }
    return s.substring(0, end);
  }

  /** The first {@code count} characters (code points), as Rust's {@code chars().take(count)}. */
  static String takeCodePoints(String s, int count) {
    if (s.codePointCount(0, s.length()) <= count) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, count));
  }
}
