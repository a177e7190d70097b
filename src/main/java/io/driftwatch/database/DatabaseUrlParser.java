package io.driftwatch.database;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Parses a Prisma database URL under the syntax its scheme names: the parts every provider shares
 * are read here, then the provider's {@link UrlSyntax} checks its parameters. Messages say what is
 * wrong and never contain the password.
 */
public final class DatabaseUrlParser {

  private final List<UrlSyntax> syntaxes;

  /** The syntaxes of the providers driftwatch reads, the primary one (used in examples) first. */
  public DatabaseUrlParser(List<UrlSyntax> syntaxes) {
    if (syntaxes.isEmpty()) {
      throw new IllegalArgumentException("at least one database URL syntax is needed");
    }
    this.syntaxes = List.copyOf(syntaxes);
  }

  /**
   * @throws InvalidDatabaseUrlException with a message fit for the person who typed it (never
   *     containing the password)
   */
  public PrismaDatabaseUrl parse(String url) {
    if (url == null || url.isBlank()) {
      throw new InvalidDatabaseUrlException(
          "databaseUrl is required, e.g. " + syntaxes.get(0).example());
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
    UrlSyntax syntax = syntaxFor(scheme).orElseThrow(() -> unknownScheme(scheme));
    String shape = syntax.scheme() + "://user:password@host:" + syntax.defaultPort() + "/database";
    if (uri.getRawAuthority() == null) {
      throw new InvalidDatabaseUrlException("databaseUrl has no host: " + shape);
    }
    Map<String, String> parameters = parseQuery(uri.getRawQuery());
    String host = uri.getHost();
    if (host == null || host.isBlank()) {
      throw new InvalidDatabaseUrlException("databaseUrl has no valid host name");
    }
    int port = uri.getPort() == -1 ? syntax.defaultPort() : uri.getPort();
    if (port < 1 || port > 65535) {
      throw new InvalidDatabaseUrlException("databaseUrl port must be between 1 and 65535");
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    String database = decode(path.startsWith("/") ? path.substring(1) : path);
    if (database.isBlank()) {
      throw new InvalidDatabaseUrlException(
          "databaseUrl names no database: add it after the host, e.g. "
              + syntax.scheme()
              + "://host:"
              + syntax.defaultPort()
              + "/app");
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
      throw new InvalidDatabaseUrlException("databaseUrl names no user: " + shape);
    }
    syntax.validate(parameters);
    return new PrismaDatabaseUrl(syntax, trimmed, host, port, database, user, password, parameters);
  }

  private Optional<UrlSyntax> syntaxFor(String scheme) {
    return syntaxes.stream().filter(syntax -> syntax.schemes().contains(scheme)).findFirst();
  }

  private InvalidDatabaseUrlException unknownScheme(String scheme) {
    return new InvalidDatabaseUrlException(
        "databaseUrl must start with "
            + syntaxes.stream()
                .flatMap(syntax -> syntax.schemes().stream())
                .map(accepted -> accepted + "://")
                .collect(Collectors.joining(" or "))
            + " (got "
            + (scheme.isEmpty() ? "no scheme" : scheme + "://")
            + ")");
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
}
