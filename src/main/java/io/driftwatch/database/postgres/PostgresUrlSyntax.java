package io.driftwatch.database.postgres;

import io.driftwatch.database.DatabaseUrlParser;
import io.driftwatch.database.InvalidDatabaseUrlException;
import io.driftwatch.database.PrismaDatabaseUrl;
import io.driftwatch.database.UrlSyntax;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Prisma's PostgreSQL connector URL: {@code postgresql://} or {@code postgres://}, port 5432. */
public final class PostgresUrlSyntax implements UrlSyntax {

  public static final PostgresUrlSyntax INSTANCE = new PostgresUrlSyntax();

  private static final DatabaseUrlParser ALONE = new DatabaseUrlParser(List.of(INSTANCE));

  /**
   * Query parameters Prisma's PostgreSQL connector understands; anything else is a typo worth
   * reporting.
   */
  private static final Set<String> PARAMETERS =
      Set.of(
          "schema",
          "sslmode",
          "sslcert",
          "sslidentity",
          "sslpassword",
          "sslrootcert",
          "sslaccept",
          "connect_timeout",
          "socket_timeout",
          "pool_timeout",
          "connection_limit",
          "pgbouncer",
          "statement_cache_size",
          "application_name",
          "channel_binding",
          "options",
          "host",
          "max_idle_connection_lifetime",
          "max_connection_lifetime");

  private static final Set<String> SSL_MODES =
      Set.of("disable", "prefer", "require", "verify-ca", "verify-full");

  private PostgresUrlSyntax() {}

  /** Parses a URL when PostgreSQL is the only provider in play (tests, the shadow server). */
  public static PrismaDatabaseUrl parse(String url) {
    return ALONE.parse(url);
  }

  @Override
  public List<String> schemes() {
    return List.of("postgresql", "postgres");
  }

  @Override
  public int defaultPort() {
    return 5432;
  }

  @Override
  public Map<String, String> defaults() {
    return Map.of("schema", "public", "sslmode", "prefer");
  }

  @Override
  public String example() {
    return "postgresql://user:password@host:5432/app?schema=public";
  }

  @Override
  public void validate(Map<String, String> parameters) {
    for (String name : parameters.keySet()) {
      if (!PARAMETERS.contains(name)) {
        throw new InvalidDatabaseUrlException(
            "databaseUrl has an unknown parameter `"
                + name
                + "`; Prisma's PostgreSQL "
                + "connector understands "
                + String.join(", ", PARAMETERS.stream().sorted().toList()));
      }
    }
    String sslMode = parameters.get("sslmode");
    if (sslMode != null && !SSL_MODES.contains(sslMode)) {
      throw new InvalidDatabaseUrlException(
          "databaseUrl sslmode must be one of disable, prefer, require, verify-ca, verify-full");
    }
    if (parameters.containsKey("schema") && parameters.get("schema").isBlank()) {
      throw new InvalidDatabaseUrlException("databaseUrl schema parameter is empty");
    }
  }
}
