package io.driftwatch.database;

import java.util.List;
import java.util.Map;

/**
 * What one Prisma provider accepts in a database URL: its schemes, default port, the query
 * parameters its connector understands and their defaults. The shared parts (user, host, port,
 * database, percent-encoding) are parsed by {@link DatabaseUrlParser}; a dialect only names its
 * rules here.
 */
public interface UrlSyntax {

  /** The schemes this provider takes, the canonical one first ({@code postgresql}). */
  List<String> schemes();

  /** The canonical scheme, the one a masked URL is printed with. */
  default String scheme() {
    return schemes().get(0);
  }

  int defaultPort();

  /** Values of parameters the URL leaves out ({@code schema}, {@code sslmode}, ...). */
  Map<String, String> defaults();

  /** A complete example, shown when no URL is given. */
  String example();

  /**
   * Checks the query parameters against what the provider's connector understands.
   *
   * @throws InvalidDatabaseUrlException saying which parameter is wrong and what is accepted
   */
  void validate(Map<String, String> parameters);
}
