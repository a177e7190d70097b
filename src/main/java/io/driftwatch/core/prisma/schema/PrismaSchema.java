package io.driftwatch.core.prisma.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A Prisma schema ({@code schema.prisma}, or the {@code .prisma} files of a multi-file schema
 * folder), read for the database names Prisma Migrate gives to what it declares.
 *
 * <p>Read by hand because nothing on the JVM reads it: Prisma's own parser is Rust (prisma-engines,
 * {@code psl}) reached through Node. This is a small recursive-descent reader of the grammar Prisma
 * defines in {@code datamodel.pest}, taking only what naming needs — blocks, fields, types and
 * attributes with their arguments — and keeping every attribute, known or not, so a new Prisma
 * attribute does not break reading. It validates little beyond what names depend on: the names in
 * one namespace, field types, duplicate members. Anything else Prisma would reject may be read
 * anyway.
 *
 * @param datasource the datasource block, if any
 * @param models {@code model} blocks in file and declaration order
 * @param views {@code view} blocks (Migrate creates nothing for them)
 * @param compositeTypes composite {@code type} blocks (MongoDB), read only so fields resolve
 * @param joinTables the tables of implicit many-to-many relations, which no model declares
 */
public record PrismaSchema(
    Optional<DatasourceBlock> datasource,
    List<Generator> generators,
    List<PrismaModel> models,
    List<PrismaModel> views,
    List<PrismaEnum> enums,
    List<PrismaCompositeType> compositeTypes,
    List<ImplicitJoinTable> joinTables) {

  /** The file name used when a single text is parsed without one. */
  public static final String DEFAULT_FILE_NAME = "schema.prisma";

  /**
   * The schema files read together, in characters: 2 MiB, about 3,700 models of ten fields (a
   * 300-model schema is 162 KB). Reading a schema costs dozens of times its text (tokens,
   * declarations, the coverage of each field), so a larger one is not read: its coverage is not
   * measured, a finding says so, and the audit goes on.
   */
  public static final long MAX_BYTES = 2L << 20;

  /** Why schema files of this size are not read. */
  public static String tooLarge(long size) {
    return String.format(
        Locale.ROOT,
        "the schema files hold %,d bytes, more than the %,d driftwatch reads "
            + "(its model of a schema costs dozens of times its text): coverage is not measured",
        size,
        MAX_BYTES);
  }

  public PrismaSchema {
    Objects.requireNonNull(datasource, "datasource");
    generators = List.copyOf(generators);
    models = List.copyOf(models);
    views = List.copyOf(views);
    enums = List.copyOf(enums);
    compositeTypes = List.copyOf(compositeTypes);
    joinTables = List.copyOf(joinTables);
  }

  /** Reads a single-file schema, reporting problems against {@value #DEFAULT_FILE_NAME}. */
  public static PrismaSchema parse(String text) throws PrismaSchemaException {
    return parse(DEFAULT_FILE_NAME, text);
  }

  public static PrismaSchema parse(String fileName, String text) throws PrismaSchemaException {
    return parse(Map.of(fileName, text));
  }

  /**
   * Reads a multi-file schema: file name (as it should appear in problems, e.g. {@code
   * schema/user.prisma}) to its text. The files are read in name order and merged; every problem of
   * every file is reported at once.
   *
   * @throws PrismaSchemaException with every problem found, each naming file, line and column
   */
  public static PrismaSchema parse(Map<String, String> files) throws PrismaSchemaException {
    List<String> order = new ArrayList<>(files.keySet());
    order.sort(null);
    long size = files.values().stream().mapToLong(String::length).sum();
    if (size > MAX_BYTES) {
      throw new PrismaSchemaException(
          List.of(
              new SchemaProblem(
                  SchemaProblem.Code.TOO_LARGE,
                  new SourcePosition(order.get(0), 1, 1),
                  tooLarge(size))));
    }
    Problems problems = new Problems();
    List<Parsed.Declaration> declarations = new ArrayList<>();
    for (String file : order) {
      String text = Objects.requireNonNull(files.get(file), () -> "text of " + file);
      declarations.addAll(PrismaParser.parse(file, text, problems));
    }
    PrismaSchema schema = SchemaAssembler.assemble(declarations, problems);
    if (!problems.isEmpty()) {
      throw new PrismaSchemaException(problems.sorted(order));
    }
    return schema;
  }

  /** A model (not a view) by its Prisma name. */
  public Optional<PrismaModel> model(String name) {
    return models.stream().filter(m -> m.name().equals(name)).findFirst();
  }

  public Optional<PrismaModel> view(String name) {
    return views.stream().filter(v -> v.name().equals(name)).findFirst();
  }

  public Optional<PrismaEnum> enumType(String name) {
    return enums.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /**
   * Every table Migrate creates for this schema on PostgreSQL — one per model ({@code @@ignore}d
   * ones included, marked), then one per implicit many-to-many relation — with columns, primary
   * key, unique constraints, indexes and foreign keys by their database names. Views are not here:
   * see {@link #databaseViews()}. Computed on each call.
   */
  public List<ExpectedTable> databaseTables() {
    return DatabaseLayout.tables(this);
  }

  /** The views the schema declares, with their columns; Migrate creates none of them. */
  public List<ExpectedTable> databaseViews() {
    return DatabaseLayout.views(this);
  }

  /** The enum types Migrate creates on PostgreSQL, with their labels. */
  public List<ExpectedEnum> databaseEnums() {
    return DatabaseLayout.enums(this);
  }
}
