package io.driftwatch.database.mysql;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which server a connection reached, from its handshake's version string: MySQL ({@code 8.0.36},
 * {@code 8.4.3}) or MariaDB ({@code 10.11.19-MariaDB-0+deb12u1}, or {@code 5.5.5-10.11.19-MariaDB}
 * as older MariaDB servers announce themselves to MySQL clients). Their catalogs and session
 * settings differ where this says.
 */
public record MySqlServer(boolean mariaDb, int major, int minor, int patch, String version) {

  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)\\.(\\d+)");

  public static MySqlServer of(String version) {
    String text = version == null ? "" : version;
    boolean maria = text.toLowerCase(Locale.ROOT).contains("mariadb");
    String numbers = maria && text.startsWith("5.5.5-") ? text.substring(6) : text;
    Matcher matcher = VERSION.matcher(numbers);
    if (!matcher.find()) {
      return new MySqlServer(maria, 0, 0, 0, text);
    }
    return new MySqlServer(
        maria,
        Integer.parseInt(matcher.group(1)),
        Integer.parseInt(matcher.group(2)),
        Integer.parseInt(matcher.group(3)),
        text);
  }

  public boolean atLeast(int wantMajor, int wantMinor, int wantPatch) {
    if (major != wantMajor) {
      return major > wantMajor;
    }
    if (minor != wantMinor) {
      return minor > wantMinor;
    }
    return patch >= wantPatch;
  }

  /** CHECK constraints are kept and enforced: MySQL 8.0.16, MariaDB 10.2.1. */
  public boolean checks() {
    return mariaDb ? atLeast(10, 2, 1) : atLeast(8, 0, 16);
  }

  /** {@code information_schema.STATISTICS.EXPRESSION} and {@code IS_VISIBLE}: MySQL 8.0.13. */
  public boolean functionalIndexes() {
    return !mariaDb && atLeast(8, 0, 13);
  }

  /** {@code information_schema.STATISTICS.IGNORED}: MariaDB 10.6's ignored (invisible) indexes. */
  public boolean ignoredIndexes() {
    return mariaDb && atLeast(10, 6, 0);
  }

  /** {@code information_schema.VIEW_TABLE_USAGE}: MySQL 8.0.13 (MariaDB has none). */
  public boolean viewUsage() {
    return !mariaDb && atLeast(8, 0, 13);
  }

  /** The product and version, for messages: {@code MariaDB 10.11.19}, {@code MySQL 8.0.36}. */
  public String label() {
    return (mariaDb ? "MariaDB " : "MySQL ") + major + "." + minor + "." + patch;
  }
}
