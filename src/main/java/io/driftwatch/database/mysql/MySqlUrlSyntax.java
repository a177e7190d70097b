package io.driftwatch.database.mysql;

import io.driftwatch.database.DatabaseUrlParser;
import io.driftwatch.database.InvalidDatabaseUrlException;
import io.driftwatch.database.PrismaDatabaseUrl;
import io.driftwatch.database.UrlSyntax;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prisma's MySQL connector URL, for MySQL and MariaDB alike: {@code mysql://}, port 3306, the
 * database the schema (Prisma's {@code provider = "mysql"} serves both servers).
 */
public final class MySqlUrlSyntax implements UrlSyntax {

  public static final MySqlUrlSyntax INSTANCE = new MySqlUrlSyntax();

  private static final DatabaseUrlParser ALONE = new DatabaseUrlParser(List.of(INSTANCE));

  /** The arguments Prisma's MySQL connector understands; anything else is a typo worth saying. */
  private static final Set<String> PARAMETERS =
      Set.of(
          "connection_limit",
          "connect_timeout",
          "pool_timeout",
          "socket_timeout",
          "sslcert",
          "sslidentity",
          "sslpassword",
          "sslaccept",
          "socket",
          "max_connection_lifetime",
          "max_idle_connection_lifetime",
          "statement_cache_size");

  private static final Set<String> SSL_ACCEPT = Set.of("strict", "accept_invalid_certs");

  private static final Set<String> NUMBERS =
      Set.of(
          "connection_limit",
          "connect_timeout",
          "pool_timeout",
          "socket_timeout",
          "max_connection_lifetime",
          "max_idle_connection_lifetime",
          "statement_cache_size");

  private MySqlUrlSyntax() {}

  /** Parses a URL when MySQL is the only provider in play (tests, the shadow server). */
  public static PrismaDatabaseUrl parse(String url) {
    return ALONE.parse(url);
  }

  @Override
  public List<String> schemes() {
    return List.of("mysql");
  }

  @Override
  public int defaultPort() {
    return 3306;
  }

  /** No {@code schema}: the database is the schema. TLS is accepted unverified unless strict. */
  @Override
  public Map<String, String> defaults() {
    return Map.of("sslaccept", "accept_invalid_certs");
  }

  @Override
  public String example() {
    return "mysql://user:password@host:3306/app";
  }

  @Override
  public void validate(Map<String, String> parameters) {
    for (Map.Entry<String, String> parameter : parameters.entrySet()) {
      String name = parameter.getKey();
      if (!PARAMETERS.contains(name)) {
        throw new InvalidDatabaseUrlException(
            "databaseUrl has an unknown parameter `"
                + name
                + "`; Prisma's MySQL connector understands "
                + String.join(", ", PARAMETERS.stream().sorted().toList())
                + (name.equals("schema")
                    ? " (on MySQL the database in the path is the schema)"
                    : ""));
      }
      if (NUMBERS.contains(name) && !parameter.getValue().matches("[0-9]{1,9}")) {
        throw new InvalidDatabaseUrlException(
            "databaseUrl `"
                + name
                + "` must be a whole number, got `"
                + parameter.getValue()
                + "`");
      }
    }
    String accept = parameters.get("sslaccept");
    if (accept != null && !SSL_ACCEPT.contains(accept)) {
      throw new InvalidDatabaseUrlException(
          "databaseUrl sslaccept must be strict or accept_invalid_certs");
    }
    if (parameters.containsKey("socket") && parameters.get("socket").isBlank()) {
      throw new InvalidDatabaseUrlException("databaseUrl socket parameter is empty");
    }
  }
}
