package io.driftwatch.core.prisma.schema;

import io.driftwatch.core.prisma.schema.SchemaProblem.Code;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Joins the declarations of all files into one schema: one namespace for models, views, enums and
 * types (a duplicate is reported with both places), field types resolved, attributes read into
 * names. Works on whatever the parser recovered, so it never assumes a well-formed schema.
 */
final class SchemaAssembler {

  static final Set<String> SCALAR_TYPES =
      Set.of("String", "Boolean", "Int", "BigInt", "Float", "Decimal", "DateTime", "Json", "Bytes");

  private final Problems problems;
  private final Map<String, Parsed.Declaration> types = new HashMap<>();

  private SchemaAssembler(Problems problems) {
    this.problems = problems;
  }

  static PrismaSchema assemble(List<Parsed.Declaration> declarations, Problems problems) {
    return new SchemaAssembler(problems).run(declarations);
  }

  private PrismaSchema run(List<Parsed.Declaration> declarations) {
    List<Parsed.Declaration> unique = new ArrayList<>();
    Parsed.Config datasource = null;
    Map<String, Parsed.Config> generators = new LinkedHashMap<>();
    for (Parsed.Declaration declaration : declarations) {
      if (declaration instanceof Parsed.Config config
          && config.kind() == Parsed.BlockKind.DATASOURCE) {
        if (datasource == null) {
          datasource = config;
        } else {
          problems.add(
              Code.MULTIPLE_DATASOURCES,
              config.position(),
              "a second datasource `"
                  + config.name()
                  + "`; the first, `"
                  + datasource.name()
                  + "`, is at "
                  + datasource.position()
                  + ": Prisma allows one datasource, delete the other");
        }
      } else if (declaration instanceof Parsed.Config config) {
        Parsed.Config first = generators.putIfAbsent(config.name(), config);
        if (first != null) {
          duplicate(config, first);
        }
      } else {
        Parsed.Declaration first = types.putIfAbsent(declaration.name(), declaration);
        if (first == null) {
          unique.add(declaration);
        } else {
          duplicate(declaration, first);
        }
      }
    }

    List<PrismaModel> models = new ArrayList<>();
    List<PrismaModel> views = new ArrayList<>();
    List<PrismaEnum> enums = new ArrayList<>();
    List<PrismaCompositeType> compositeTypes = new ArrayList<>();
    for (Parsed.Declaration declaration : unique) {
      if (declaration instanceof Parsed.Block block) {
        switch (block.kind()) {
          case MODEL -> models.add(model(block, PrismaModel.Kind.MODEL));
          case VIEW -> views.add(model(block, PrismaModel.Kind.VIEW));
          default -> compositeTypes.add(new PrismaCompositeType(block.name(), block.position()));
        }
      } else if (declaration instanceof Parsed.Enum parsedEnum) {
        enums.add(enumOf(parsedEnum));
      }
    }
    return new PrismaSchema(
        Optional.ofNullable(datasource).map(SchemaAssembler::datasource),
        generators.values().stream().map(SchemaAssembler::generator).toList(),
        models,
        views,
        enums,
        compositeTypes,
        ImplicitRelations.joinTables(models, problems));
  }

  private void duplicate(Parsed.Declaration again, Parsed.Declaration first) {
    problems.add(
        Code.DUPLICATE_DECLARATION,
        again.position(),
        again.kind().keyword
            + " `"
            + again.name()
            + "` is already declared as a "
            + first.kind().keyword
            + " at "
            + first.position()
            + ": names are shared by all files of the schema; rename or delete one of them");
  }

  private PrismaModel model(Parsed.Block block, PrismaModel.Kind kind) {
    String what = block.kind().keyword + " " + block.name();
    List<PrismaField> fields = new ArrayList<>();
    Map<String, Parsed.Field> seen = new HashMap<>();
    for (Parsed.Field parsed : block.fields()) {
      Parsed.Field first = seen.putIfAbsent(parsed.name(), parsed);
      if (first != null) {
        problems.add(
            Code.DUPLICATE_MEMBER,
            parsed.position(),
            "field `"
                + parsed.name()
                + "` of "
                + what
                + " is already declared at line "
                + first.position().line()
                + ": rename or delete one of them");
        continue;
      }
      fields.add(field(parsed, what));
    }

    List<PrismaAttribute> attributes = block.attributes();
    Optional<PrismaIndex> primaryKey =
        PrismaAttribute.find(attributes, "id").map(a -> index(PrismaIndex.Type.PRIMARY_KEY, a));
    List<PrismaIndex> indexes = new ArrayList<>();
    for (PrismaField field : fields) {
      if (primaryKey.isEmpty()) {
        primaryKey =
            field.attribute("id").map(a -> fieldIndex(PrismaIndex.Type.PRIMARY_KEY, field, a));
      }
      field
          .attribute("unique")
          .ifPresent(a -> indexes.add(fieldIndex(PrismaIndex.Type.UNIQUE, field, a)));
    }
    for (PrismaAttribute attribute : attributes) {
      switch (attribute.name()) {
        case "unique" -> indexes.add(index(PrismaIndex.Type.UNIQUE, attribute));
        case "index" -> indexes.add(index(PrismaIndex.Type.INDEX, attribute));
        case "fulltext" -> indexes.add(index(PrismaIndex.Type.FULLTEXT, attribute));
        default -> {}
      }
    }
    return new PrismaModel(
        block.name(),
        kind,
        stringArgument(attributes, "map", "name"),
        stringArgument(attributes, "schema", "name"),
        PrismaAttribute.find(attributes, "ignore").isPresent(),
        fields,
        primaryKey,
        indexes,
        attributes,
        block.position());
  }

  private PrismaField field(Parsed.Field parsed, String owner) {
    FieldKind kind = kindOf(parsed, owner);
    List<PrismaAttribute> attributes = parsed.attributes();
    Optional<PrismaRelation> relation = Optional.empty();
    if (kind == FieldKind.RELATION) {
      Optional<PrismaAttribute> attribute = PrismaAttribute.find(attributes, "relation");
      relation =
          Optional.of(
              new PrismaRelation(
                  attribute.flatMap(a -> a.defaultArgument("name")).flatMap(PrismaValue::asString),
                  parsed.type().name(),
                  attribute
                      .flatMap(a -> a.argument("fields"))
                      .map(PrismaValue::asReferenceList)
                      .orElse(List.of()),
                  attribute
                      .flatMap(a -> a.argument("references"))
                      .map(PrismaValue::asReferenceList)
                      .orElse(List.of()),
                  attribute.flatMap(a -> a.argument("map")).flatMap(PrismaValue::asString),
                  attribute.flatMap(a -> a.argument("onDelete")).flatMap(PrismaValue::asReference),
                  attribute
                      .flatMap(a -> a.argument("onUpdate"))
                      .flatMap(PrismaValue::asReference)));
    }
    return new PrismaField(
        parsed.name(),
        parsed.type(),
        kind,
        stringArgument(attributes, "map", "name"),
        PrismaAttribute.find(attributes, "ignore").isPresent(),
        relation,
        attributes,
        parsed.position());
  }

  /**
   * Follows type aliases; an unknown type is reported and read as a scalar so reading can go on.
   */
  private FieldKind kindOf(Parsed.Field parsed, String owner) {
    FieldType type = parsed.type();
    Set<String> aliases = new HashSet<>();
    while (true) {
      if (type.unsupported().isPresent()) {
        return FieldKind.UNSUPPORTED;
      }
      if (SCALAR_TYPES.contains(type.name())) {
        return FieldKind.SCALAR;
      }
      Parsed.Declaration declaration = types.get(type.name());
      if (declaration instanceof Parsed.Alias alias && aliases.add(alias.name())) {
        type = alias.type();
        continue;
      }
      if (declaration == null || declaration instanceof Parsed.Alias) {
        problems.add(
            Code.UNKNOWN_TYPE,
            parsed.position(),
            "type `"
                + parsed.type().name()
                + "` of field `"
                + parsed.name()
                + "` in "
                + owner
                + " is no scalar type and no model, view, enum or type of the schema"
                + (declaration == null ? "" : " (its type aliases go round in a circle)")
                + ": declare it, or correct the spelling (names are case-sensitive)");
        return FieldKind.SCALAR;
      }
      return switch (declaration.kind()) {
        case MODEL, VIEW -> FieldKind.RELATION;
        case ENUM -> FieldKind.ENUM;
        default -> FieldKind.COMPOSITE;
      };
    }
  }

  private static PrismaIndex index(PrismaIndex.Type type, PrismaAttribute attribute) {
    return new PrismaIndex(
        type,
        attribute.defaultArgument("fields").map(PrismaValue::asReferenceList).orElse(List.of()),
        attribute.argument("name").flatMap(PrismaValue::asString),
        attribute.argument("map").flatMap(PrismaValue::asString),
        attribute.position());
  }

  private static PrismaIndex fieldIndex(
      PrismaIndex.Type type, PrismaField field, PrismaAttribute attribute) {
    return new PrismaIndex(
        type,
        List.of(field.name()),
        Optional.empty(),
        attribute.argument("map").flatMap(PrismaValue::asString),
        attribute.position());
  }

  private PrismaEnum enumOf(Parsed.Enum parsed) {
    List<PrismaEnumValue> values = new ArrayList<>();
    Map<String, Parsed.EnumValue> seen = new HashMap<>();
    for (Parsed.EnumValue value : parsed.values()) {
      Parsed.EnumValue first = seen.putIfAbsent(value.name(), value);
      if (first != null) {
        problems.add(
            Code.DUPLICATE_MEMBER,
            value.position(),
            "value `"
                + value.name()
                + "` of enum "
                + parsed.name()
                + " is already declared at line "
                + first.position().line()
                + ": delete one of them");
        continue;
      }
      values.add(
          new PrismaEnumValue(
              value.name(),
              stringArgument(value.attributes(), "map", "name"),
              value.attributes(),
              value.position()));
    }
    return new PrismaEnum(
        parsed.name(),
        stringArgument(parsed.attributes(), "map", "name"),
        stringArgument(parsed.attributes(), "schema", "name"),
        values,
        parsed.attributes(),
        parsed.position());
  }

  private static DatasourceBlock datasource(Parsed.Config config) {
    Map<String, PrismaValue> properties = properties(config);
    PrismaValue relationMode =
        properties.containsKey("relationMode")
            ? properties.get("relationMode")
            : properties.get("referentialIntegrity");
    return new DatasourceBlock(
        config.name(),
        Optional.ofNullable(properties.get("provider")).flatMap(PrismaValue::asString),
        Optional.ofNullable(properties.get("schemas"))
            .map(PrismaValue::asStringList)
            .orElse(List.of()),
        Optional.ofNullable(relationMode).flatMap(PrismaValue::asString),
        properties,
        config.position());
  }

  private static Generator generator(Parsed.Config config) {
    Map<String, PrismaValue> properties = properties(config);
    return new Generator(
        config.name(),
        Optional.ofNullable(properties.get("provider")).flatMap(PrismaValue::asString),
        Optional.ofNullable(properties.get("previewFeatures"))
            .map(PrismaValue::asStringList)
            .orElse(List.of()),
        properties,
        config.position());
  }

  private static Map<String, PrismaValue> properties(Parsed.Config config) {
    Map<String, PrismaValue> properties = new LinkedHashMap<>();
    for (Parsed.Property property : config.properties()) {
      properties.put(property.key(), property.value());
    }
    return properties;
  }

  private static Optional<String> stringArgument(
      List<PrismaAttribute> attributes, String attribute, String argument) {
    return PrismaAttribute.find(attributes, attribute)
        .flatMap(a -> a.defaultArgument(argument))
        .flatMap(PrismaValue::asString);
  }
}
