package io.driftwatch.database;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;

/**
 * A {@code DATABASE_URL} exactly as users give it to Prisma, e.g. {@code
 * postgresql://user:pass@host:5432/app?schema=public&sslmode=require}: the parts every provider's
 * URL shares, parsed once by {@link DatabaseUrlParser} under the rules of the provider its scheme
 * names ({@link UrlSyntax}), and printable only in masked form.
 */
public final class PrismaDatabaseUrl {

  private final String provider;
  private final String raw;
  private final String host;
  private final int port;
  private final String database;
  private final String user;
  private final String password;
  private final Map<String, String> parameters;
  private final Map<String, String> defaults;

  PrismaDatabaseUrl(
      UrlSyntax syntax,
      String raw,
      String host,
      int port,
      String database,
      String user,
      String password,
      Map<String, String> parameters) {
    this.provider = syntax.scheme();
    this.raw = raw;
    this.host = host;
    this.port = port;
    this.database = database;
    this.user = user;
    this.password = password;
    this.parameters = Collections.unmodifiableMap(parameters);
    this.defaults = syntax.defaults();
  }

  /** The provider's canonical scheme ({@code postgresql}): which dialect reads this database. */
  public String provider() {
    return provider;
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

  /**
   * The schema Prisma works in: {@code ?schema=}, else the provider's default; on MySQL, where a
   * schema is a database, the database the URL names.
   */
  public String schema() {
    return parameters.getOrDefault("schema", defaults.getOrDefault("schema", database));
  }

  public Optional<String> parameter(String name) {
    return Optional.ofNullable(parameters.get(name));
  }

  /** {@code ?sslmode=}, else the provider's default. */
  public String sslMode() {
    return setting("sslmode");
  }

  private String setting(String name) {
    return parameters.getOrDefault(name, defaults.getOrDefault(name, ""));
  }

  /** The URL with the password (and any password-like parameter) replaced by {@code ****}. */
  public String masked() {
    StringBuilder out = new StringBuilder(provider).append("://");
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

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
