package io.driftwatch.core.prisma.schema;

import java.util.List;

/** What the parser read from one file, before names are resolved across files. */
final class Parsed {

  private Parsed() {}

  enum BlockKind {
    MODEL("model"),
    VIEW("view"),
    COMPOSITE_TYPE("type"),
    ENUM("enum"),
    TYPE_ALIAS("type alias"),
    DATASOURCE("datasource"),
    GENERATOR("generator");

    final String keyword;

    BlockKind(String keyword) {
      this.keyword = keyword;
    }
  }

  sealed interface Declaration {
    BlockKind kind();

    String name();

    SourcePosition position();
  }

  record Field(
      String name, FieldType type, List<PrismaAttribute> attributes, SourcePosition position) {}

  record EnumValue(String name, List<PrismaAttribute> attributes, SourcePosition position) {}

  record Property(String key, PrismaValue value, SourcePosition position) {}

  /** {@code model}, {@code view} and composite {@code type} blocks share one syntax. */
  record Block(
      BlockKind kind,
      String name,
      SourcePosition position,
      List<Field> fields,
      List<PrismaAttribute> attributes)
      implements Declaration {}

  record Enum(
      String name,
      SourcePosition position,
      List<EnumValue> values,
      List<PrismaAttribute> attributes)
      implements Declaration {
    @Override
    public BlockKind kind() {
      return BlockKind.ENUM;
    }
  }

  /** {@code datasource} and {@code generator} blocks: {@code key = value} lines. */
  record Config(BlockKind kind, String name, SourcePosition position, List<Property> properties)
      implements Declaration {}

  /**
   * {@code type Name = Base @attributes}: an old, MongoDB-era feature; only its base type matters
   * here.
   */
  record Alias(String name, SourcePosition position, FieldType type) implements Declaration {
    @Override
    public BlockKind kind() {
      return BlockKind.TYPE_ALIAS;
    }
  }
}
