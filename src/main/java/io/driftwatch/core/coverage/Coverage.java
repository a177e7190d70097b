package io.driftwatch.core.coverage;

import io.driftwatch.core.catalog.Catalog;
import io.driftwatch.core.catalog.CatalogIndex;
import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.catalog.Table;
import io.driftwatch.core.coverage.CoverageItem.Kind;
import io.driftwatch.core.prisma.ProjectPaths;
import io.driftwatch.core.prisma.schema.ExpectedColumn;
import io.driftwatch.core.prisma.schema.ExpectedEnum;
import io.driftwatch.core.prisma.schema.ExpectedTable;
import io.driftwatch.core.prisma.schema.FieldKind;
import io.driftwatch.core.prisma.schema.ImplicitJoinTable;
import io.driftwatch.core.prisma.schema.PrismaEnum;
import io.driftwatch.core.prisma.schema.PrismaEnumValue;
import io.driftwatch.core.prisma.schema.PrismaSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Which parts of a Prisma schema the migrations create: the "models in the schema but no CREATE
 * TABLE in the migrations" gap, and what {@code prisma db push} put in the live database behind the
 * migrations' back.
 *
 * <p>Two catalogs are compared with the schema: the one built by replaying the applied migrations
 * in a scratch database ("created by migrations") and the live one. Names are matched as PostgreSQL
 * stores them:
 *
 * <ul>
 *   <li>a model's table by ({@code @@schema} or the default schema, {@code @@map} or the model
 *       name);
 *   <li>a field's column by its {@code @map} or field name, in that table; relation fields make no
 *       column and are not items;
 *   <li>a view by the same rule, among the catalog's views (not tables); its fields are not
 *       checked, the catalog holds no view columns;
 *   <li>an implicit many-to-many table {@code _<RelationName>} by name, and only if it has both
 *       columns {@code A} and {@code B};
 *   <li>an enum by ({@code @@schema} or the default schema, {@code @@map} or the enum name), its
 *       values by their {@code @map} or name.
 * </ul>
 *
 * The status of each item is set out in {@link CoverageStatus}. A pure function: the catalogs are
 * read before.
 */
public final class Coverage {

  private final String defaultSchema;
  private final CatalogIndex createdByMigrations;
  private final Optional<CatalogIndex> live;
  private final CoverageHelp help;

  /** What Prisma does not manage (a config's external tables and enums): left out like @@ignore. */
  private final Predicate<QualifiedName> unmanaged;

  private final List<CoverageItem> items = new ArrayList<>();
  private final List<CoverageItem> ignored = new ArrayList<>();

  private Coverage(
      String defaultSchema,
      Catalog createdByMigrations,
      Optional<Catalog> live,
      ProjectPaths paths,
      Predicate<QualifiedName> unmanaged) {
    this.unmanaged = Objects.requireNonNull(unmanaged, "unmanaged");
    this.defaultSchema = Objects.requireNonNull(defaultSchema, "defaultSchema");
    this.createdByMigrations =
        CatalogIndex.of(Objects.requireNonNull(createdByMigrations, "createdByMigrations"));
    this.live = live.map(CatalogIndex::of);
    this.help = new CoverageHelp(paths);
  }

  /**
   * @param defaultSchema the schema of objects without {@code @@schema}: the connection URL's
   *     {@code ?schema=}, else {@code public}
   * @param createdByMigrations the catalog of a scratch database where the applied migrations were
   *     replayed
   * @param live the catalog of the live database
   */
  public static CoverageReport of(
      PrismaSchema schema, String defaultSchema, Catalog createdByMigrations, Catalog live) {
    return of(schema, defaultSchema, createdByMigrations, live, ProjectPaths.DEFAULT);
  }

  /**
   * As {@link #of(PrismaSchema, String, Catalog, Catalog)}, the help naming the source's folder and
   * schema.
   */
  public static CoverageReport of(
      PrismaSchema schema,
      String defaultSchema,
      Catalog createdByMigrations,
      Catalog live,
      ProjectPaths paths) {
    return of(schema, defaultSchema, createdByMigrations, live, paths, name -> false);
  }

  /**
   * As {@link #of(PrismaSchema, String, Catalog, Catalog, ProjectPaths)}, leaving out the objects
   * Prisma does not manage (the config's {@code tables.external} and {@code enums.external}).
   */
  public static CoverageReport of(
      PrismaSchema schema,
      String defaultSchema,
      Catalog createdByMigrations,
      Catalog live,
      ProjectPaths paths,
      Predicate<QualifiedName> unmanaged) {
    return new Coverage(
            defaultSchema,
            createdByMigrations,
            Optional.of(Objects.requireNonNull(live, "live")),
            paths,
            unmanaged)
        .run(schema);
  }

  /**
   * Coverage when the live database could not be read: what no migration creates is {@link
   * CoverageStatus#UNCOVERED}, never LIVE_ONLY or MISSING.
   */
  public static CoverageReport withoutLive(
      PrismaSchema schema, String defaultSchema, Catalog createdByMigrations) {
    return withoutLive(schema, defaultSchema, createdByMigrations, ProjectPaths.DEFAULT);
  }

  /**
   * As {@link #withoutLive(PrismaSchema, String, Catalog)}, the help naming the source's folder and
   * schema.
   */
  public static CoverageReport withoutLive(
      PrismaSchema schema, String defaultSchema, Catalog createdByMigrations, ProjectPaths paths) {
    return withoutLive(schema, defaultSchema, createdByMigrations, paths, name -> false);
  }

  /**
   * As {@link #withoutLive(PrismaSchema, String, Catalog, ProjectPaths)}, without the unmanaged.
   */
  public static CoverageReport withoutLive(
      PrismaSchema schema,
      String defaultSchema,
      Catalog createdByMigrations,
      ProjectPaths paths,
      Predicate<QualifiedName> unmanaged) {
    return new Coverage(defaultSchema, createdByMigrations, Optional.empty(), paths, unmanaged)
        .run(schema);
  }

  private CoverageReport run(PrismaSchema schema) {
    Objects.requireNonNull(schema, "schema");
    List<ExpectedTable> tables = schema.databaseTables();
    tables.stream().filter(t -> t.origin() == ExpectedTable.Origin.MODEL).forEach(this::model);
    schema.databaseViews().forEach(this::view);
    tables.stream()
        .filter(t -> t.origin() == ExpectedTable.Origin.IMPLICIT_MANY_TO_MANY)
        .forEach(this::joinTable);
    for (ExpectedEnum expected : schema.databaseEnums()) {
      enumType(expected, schema.enumType(expected.prismaName()).orElseThrow(), tables);
    }
    return new CoverageReport(defaultSchema, live.isPresent(), items, ignored);
  }

  private void model(ExpectedTable model) {
    QualifiedName name = qualified(model.schema(), model.name());
    Optional<Table> created = createdByMigrations.table(name);
    Optional<Table> inLive = live.flatMap(catalog -> catalog.table(name));
    String slug = CoverageHelp.slug(model.prismaName());
    CoverageStatus status =
        add(
            model.ignored() || unmanaged.test(name),
            Kind.MODEL,
            model.prismaName(),
            name.toString(),
            created.isPresent(),
            inLive.isPresent(),
            s -> help.migration(s, slug));
    for (ExpectedColumn column : model.columns()) {
      String field = column.prismaField().orElse(column.name());
      boolean columnCreated = created.flatMap(t -> t.column(column.name())).isPresent();
      boolean columnLive = inLive.flatMap(t -> t.column(column.name())).isPresent();
      add(
          model.ignored() || column.ignored() || unmanaged.test(name),
          Kind.FIELD,
          model.prismaName() + "." + field,
          name + "." + column.name(),
          columnCreated,
          columnLive,
          s ->
              ownFix(status, s)
                  ? help.migration(s, CoverageHelp.slug(model.prismaName(), field))
                  : CoverageHelp.comesWith(model.prismaName()));
    }
  }

  private void view(ExpectedTable view) {
    QualifiedName name = qualified(view.schema(), view.name());
    add(
        view.ignored() || unmanaged.test(name),
        Kind.VIEW,
        view.prismaName(),
        name.toString(),
        createdByMigrations.view(name).isPresent(),
        live.flatMap(catalog -> catalog.view(name)).isPresent(),
        s -> help.view(s, name, CoverageHelp.slug(view.prismaName())));
  }

  private void joinTable(ExpectedTable join) {
    QualifiedName name = qualified(join.schema(), join.name());
    add(
        join.ignored() || unmanaged.test(name),
        Kind.JOIN_TABLE,
        join.prismaName(),
        name.toString(),
        isJoinTable(createdByMigrations.table(name)),
        isJoinTable(live.flatMap(catalog -> catalog.table(name))),
        s -> help.migration(s, CoverageHelp.slug(join.prismaName())));
  }

  private static boolean isJoinTable(Optional<Table> table) {
    return table
        .filter(
            t ->
                t.column(ImplicitJoinTable.COLUMN_A).isPresent()
                    && t.column(ImplicitJoinTable.COLUMN_B).isPresent())
        .isPresent();
  }

  private void enumType(ExpectedEnum expected, PrismaEnum declared, List<ExpectedTable> tables) {
    QualifiedName name = qualified(expected.schema(), expected.name());
    List<QualifiedColumn> columns = columnsOfEnum(declared.name(), tables);
    Optional<List<String>> created =
        createdByMigrations
            .enumType(name)
            .map(e -> e.values())
            .or(() -> InlineEnums.values(createdByMigrations, columns));
    Optional<List<String>> inLive =
        live.flatMap(
            catalog ->
                catalog
                    .enumType(name)
                    .map(e -> e.values())
                    .or(() -> InlineEnums.values(catalog, columns)));
    CoverageStatus status =
        add(
            unmanaged.test(name),
            Kind.ENUM,
            declared.name(),
            name.toString(),
            created.isPresent(),
            inLive.isPresent(),
            s -> help.migration(s, CoverageHelp.slug(declared.name())));
    for (PrismaEnumValue value : declared.values()) {
      String label = value.databaseValue();
      add(
          unmanaged.test(name),
          Kind.ENUM_VALUE,
          declared.name() + "." + value.name(),
          name + " '" + label.replace("'", "''") + "'",
          created.filter(values -> values.contains(label)).isPresent(),
          inLive.filter(values -> values.contains(label)).isPresent(),
          s ->
              ownFix(status, s)
                  ? help.migration(s, CoverageHelp.slug(declared.name(), value.name()))
                  : CoverageHelp.comesWith(declared.name()));
    }
  }

  /** A column of a table, named as the catalog names them. */
  record QualifiedColumn(QualifiedName table, String column) {}

  /** The columns the schema types with this enum (where MySQL keeps the enum's values). */
  private List<QualifiedColumn> columnsOfEnum(String enumName, List<ExpectedTable> tables) {
    List<QualifiedColumn> columns = new ArrayList<>();
    for (ExpectedTable table : tables) {
      for (ExpectedColumn column : table.columns()) {
        if (column.kind() == FieldKind.ENUM && column.prismaType().equals(enumName)) {
          columns.add(new QualifiedColumn(qualified(table.schema(), table.name()), column.name()));
        }
      }
    }
    return columns;
  }

  /**
   * Whether a column or enum value needs a migration of its own rather than its parent's: when a
   * migration creates the parent, and when the parent is live only but the member is not live,
   * because the catch-up migration is written from the live database and leaves it out.
   */
  private static boolean ownFix(CoverageStatus parent, CoverageStatus member) {
    return parent.createdByMigration()
        || parent == CoverageStatus.LIVE_ONLY && member == CoverageStatus.MISSING;
  }

  /** Records an item (help only when no migration creates it) and returns its status. */
  private CoverageStatus add(
      boolean isIgnored,
      Kind kind,
      String prismaName,
      String databaseName,
      boolean createdByMigration,
      boolean isLive,
      Function<CoverageStatus, String> help) {
    boolean inLive = live.isPresent() && isLive;
    CoverageStatus status = CoverageStatus.of(createdByMigration, inLive, live.isPresent());
    Optional<String> fix =
        status.createdByMigration() ? Optional.empty() : Optional.of(help.apply(status));
    CoverageItem item =
        new CoverageItem(kind, prismaName, databaseName, status, createdByMigration, inLive, fix);
    (isIgnored ? ignored : items).add(item);
    return status;
  }

  private QualifiedName qualified(Optional<String> schema, String name) {
    return QualifiedName.of(schema.orElse(defaultSchema), name);
  }
}
