package io.driftwatch.core.prisma.config;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a {@code prisma.config.ts} says, as far as it can be read without running it. A key the file
 * does not set is {@link Optional#empty()}; a key it sets in a way that cannot be read is empty
 * too, and listed in {@link #unread()}. The caller must look at {@code unread} before falling back
 * to Prisma's defaults.
 *
 * @param schema the schema file, or the folder of {@code .prisma} files, relative to the config's
 *     folder ({@link ConfigValue.Path})
 * @param migrationsPath {@code migrations.path} ({@link ConfigValue.Path})
 * @param viewsPath {@code views.path} ({@link ConfigValue.Path})
 * @param externalTables {@code tables.external}: the string literals, in order
 * @param externalEnums {@code enums.external}: the string literals, in order
 * @param externalTablesEnabled {@code experimental.externalTables} is {@code true}
 * @param datasourceUrl {@code datasource.url}: {@link ConfigValue.FromEnvironment} or {@link
 *     ConfigValue.Literal}, whose text is never kept
 * @param shadowDatabaseUrl {@code datasource.shadowDatabaseUrl}, like {@code datasourceUrl}
 * @param unread every key that is set, or may be set, but could not be read
 * @param fileUnreadable why the whole file could not be read; then every key is empty
 */
public record PrismaConfig(
    Optional<ConfigValue> schema,
    Optional<ConfigValue> migrationsPath,
    Optional<ConfigValue> viewsPath,
    List<String> externalTables,
    List<String> externalEnums,
    boolean externalTablesEnabled,
    Optional<ConfigValue> datasourceUrl,
    Optional<ConfigValue> shadowDatabaseUrl,
    List<UnreadKey> unread,
    Optional<String> fileUnreadable) {

  public PrismaConfig {
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(migrationsPath, "migrationsPath");
    Objects.requireNonNull(viewsPath, "viewsPath");
    externalTables = List.copyOf(externalTables);
    externalEnums = List.copyOf(externalEnums);
    Objects.requireNonNull(datasourceUrl, "datasourceUrl");
    Objects.requireNonNull(shadowDatabaseUrl, "shadowDatabaseUrl");
    unread = List.copyOf(unread);
    Objects.requireNonNull(fileUnreadable, "fileUnreadable");
  }

  /** A file that could not be read at all: every key empty. */
  public static PrismaConfig unreadable(String reason) {
    return new PrismaConfig(
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        List.of(),
        List.of(),
        false,
        Optional.empty(),
        Optional.empty(),
        List.of(),
        Optional.of(reason));
  }

  /** The file was read; some keys may still be in {@link #unread()}. */
  public boolean readable() {
    return fileUnreadable.isEmpty();
  }

  /** The config names a database: {@code datasource.url} is set, readable or not. */
  public boolean hasDatasource() {
    return datasourceUrl.isPresent()
        || unread.stream()
            .anyMatch(key -> key.key().equals("datasource") || key.key().equals("datasource.url"));
  }

  /** The first unread entry for {@code key} (a key path such as {@code migrations.path}). */
  public Optional<UnreadKey> unreadKey(String key) {
    return unread.stream().filter(unreadKey -> unreadKey.key().equals(key)).findFirst();
  }
}
