package io.driftwatch.target;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code DATABASE_URL} exactly as users give it to Prisma: {@code
 * postgresql://user:pass@host:5432/app?schema=public&sslmode=require}. Parsed once, validated with
 * messages that say what is wrong, and printable only in masked form.
 */
public final class PrismaDatabaseUrl {

  /**
   * Query parameters Prisma's PostgreSQL connector understands; anything else is a typo worth
   * reporting.
   */
  private static final Set<String> POSTGRES_PARAMETERS =
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

  private final String raw;
  private final String host;
  private final int port;
  private final String database;
  private final String user;
  private final String password;
  private final Map<String, String> parameters;

  private PrismaDatabaseUrl(
      String raw,
      String host,
      int port,
      String database,
      String user,
      String password,
      Map<String, String> parameters) {
    this.raw = raw;
    this.host = host;
    this.port = port;
    this.database = database;
    this.user = user;
    this.password = password;
    this.parameters = Collections.unmodifiableMap(parameters);
  }

  /**
   * Parses a PostgreSQL URL.
   *
   * @throws InvalidDatabaseUrlException with a message fit for the person who typed it (never
   *     containing the password)
   */
  public static PrismaDatabaseUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw new InvalidDatabaseUrlException(
          "databaseUrl is required, e.g. postgresql://user:password@host:5432/app?schema=public");
    }
    String trimmed = url.strip();
    URI uri;
    try {
      uri = new URI(trimmed);
    } catch (URISyntaxException e) {
      throw new InvalidDatabaseUrlException(
          "databaseUrl is not a valid URL (percent-encode special characters in the user name and password): "
              + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (scheme.equals("mysql") || scheme.equals("mariadb")) {
      throw new InvalidDatabaseUrlException(
          "MySQL and MariaDB targets are not supported yet; use a postgresql:// URL");
    }
    if (!scheme.equals("postgresql") && !scheme.equals("postgres")) {
      throw new InvalidDatabaseUrlException(
          "databaseUrl must start with postgresql:// or postgres:// (got "
              + (scheme.isEmpty() ? "no scheme" : scheme + "://")
              + ")");
    }
    if (uri.getRawAuthority() == null) {
      throw new InvalidDatabaseUrlException(
          "databaseUrl has no host: postgresql://user:password@host:5432/database");
    }
    Map<String, String> parameters = parseQuery(uri.getRawQuery());
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      throw new InvalidDatabaseUrlException("databaseUrl has no valid host name");
    }
    int port = uri.getPort() == -1 ? 5432 : uri.getPort();
    if (port < 1 || port > 65535) {
      throw new InvalidDatabaseUrlException("databaseUrl port must be between 1 and 65535");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String database = decode(path.startsWith("/") ? path.substring(1) : path);
    if (database.isBlank()) {
      throw new InvalidDatabaseUrlException(
          "databaseUrl names no database: add it after the host, e.g. postgresql://host:5432/app");
    }
    if (database.contains("/")) {
      throw new InvalidDatabaseUrlException("databaseUrl path must be a single database name");
    }
    String user = null;
    String password = null;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      user = decode(colon < 0 ? userInfo : userInfo.substring(0, colon));
      password = colon < 0 ? null : decode(userInfo.substring(colon + 1));
    }
    if (user == null || user.isBlank()) {
      throw new InvalidDatabaseUrlException(
          "databaseUrl names no user: postgresql://user:password@host:5432/database");
    }
    for (String name : parameters.keySet()) {
      if (!POSTGRES_PARAMETERS.contains(name)) {
        throw new InvalidDatabaseUrlException(
            "databaseUrl has an unknown parameter `"
                + name
                + "`; Prisma's PostgreSQL "
                + "connector understands "
                + String.join(", ", POSTGRES_PARAMETERS.stream().sorted().toList()));
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
    return new PrismaDatabaseUrl(trimmed, host, port, database, user, password, parameters);
  }

  /** The URL as given: a secret, to be encrypted and never shown. */
  public String raw() {
    return raw;
  }

  public String host() {
    return host;
  }

  public int port() {
    return port;
  }

  public String database() {
    return database;
  }

  public String user() {
    return user;
  }

  public Optional<String> password() {
    return Optional.ofNullable(password);
  }

  /** The schema Prisma works in: {@code ?schema=}, default {@code public}. */
  public String schema() {
    return parameters.getOrDefault("schema", "public");
  }

  public Optional<String> parameter(String name) {
    return Optional.ofNullable(parameters.get(name));
  }

  public String sslMode() {
    return parameters.getOrDefault("sslmode", "prefer");
  }

  /** The URL with the password (and any password-like parameter) replaced by {@code ****}. */
  public String masked() {
    StringBuilder out = new StringBuilder("postgresql://");
    out.append(encode(user));
    if (password != null) {
      out.append(":****");
    }
    out.append('@')
        .append(host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host)
        .append(':')
        .append(port)
        .append('/')
        .append(encode(database));
    if (!parameters.isEmpty()) {
      StringBuilder query = new StringBuilder();
      parameters.forEach(
          (name, value) -> {
            query.append(query.length() == 0 ? '?' : '&').append(name).append('=');
            query.append(name.contains("password") ? "****" : encode(value));
          });
      out.append(query);
    }
    return out.toString();
  }

  @Override
  public String toString() {
    return masked();
  }

  private static Map<String, String> parseQuery(String rawQuery) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return parameters;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      if (parameters.put(name, value) != null) {
        throw new InvalidDatabaseUrlException("databaseUrl repeats the parameter `" + name + "`");
      }
    }
    return parameters;
  }

  private static String decode(String value) {
    try {
      return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new InvalidDatabaseUrlException("databaseUrl has a malformed percent-encoding");
    }
  }

  private static String encode(String value) {
    return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
