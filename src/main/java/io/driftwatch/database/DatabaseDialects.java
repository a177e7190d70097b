package io.driftwatch.database;

import io.driftwatch.core.TargetSnapshot;
import io.driftwatch.core.catalog.QualifiedName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The dialects driftwatch reads, picked by a URL's scheme: parses a database URL under its
 * provider's syntax and reads a database through its provider's reader. Callers use this, never a
 * provider's adapter.
 */
@ApplicationScoped
public class DatabaseDialects implements TargetReader {

  private final List<DatabaseDialect> dialects;
  private final DatabaseUrlParser parser;

  @Inject
  public DatabaseDialects(Instance<DatabaseDialect> dialects) {
    this(dialects.stream().toList());
  }

  /** PostgreSQL's first whatever the container's order: its example is the one shown. */
  public DatabaseDialects(List<DatabaseDialect> dialects) {
    this.dialects =
        dialects.stream()
            .sorted(
                Comparator.comparing(
                    (DatabaseDialect dialect) ->
                        !dialect.urlSyntax().scheme().equals("postgresql")))
            .toList();
    this.parser =
        new DatabaseUrlParser(this.dialects.stream().map(DatabaseDialect::urlSyntax).toList());
  }

  /**
   * @throws InvalidDatabaseUrlException with a message fit for the person who typed it
   */
  public PrismaDatabaseUrl parse(String url) {
    return parser.parse(url);
  }

  /** The dialect of the provider that parsed this URL. */
  public DatabaseDialect of(PrismaDatabaseUrl url) {
    return dialects.stream()
        .filter(dialect -> dialect.urlSyntax().scheme().equals(url.provider()))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("no dialect for " + url.provider()));
  }

  @Override
  public Uni<TargetSnapshot> read(UUID environmentId, PrismaDatabaseUrl url) {
    return of(url).targets().read(environmentId, url);
  }

  @Override
  public Uni<Set<String>> tablesWithRows(
      UUID environmentId, PrismaDatabaseUrl url, Collection<QualifiedName> tables) {
    return of(url).targets().tablesWithRows(environmentId, url, tables);
  }
}
