package io.driftwatch.core.prisma.schema;

import io.driftwatch.core.prisma.schema.PrismaLexer.Kind;
import io.driftwatch.core.prisma.schema.PrismaLexer.Token;
import io.driftwatch.core.prisma.schema.SchemaProblem.Code;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Recursive descent over the tokens of one file, following Prisma's own grammar ({@code
 * datamodel.pest} in prisma-engines) for the parts that decide database names. On an error it
 * reports, skips to the end of the line (or the closing bracket) and goes on, so one run lists
 * every problem. Every loop consumes at least one token per turn and nesting is bounded, so no
 * input hangs it or overflows the stack.
 *
 * <p>More lenient than Prisma in three places, none of which changes a name: attribute arguments
 * and arrays may span lines, a block may sit on one line, and legacy forms ({@code name: Type},
 * {@code [Type]}, {@code Type!}) are read.
 */
final class PrismaParser {

  static final int MAX_NESTING = 32;

  private static final Set<String> BLOCK_KEYWORDS =
      Set.of("model", "view", "enum", "type", "datasource", "generator");

  private final String file;
  private final List<Token> tokens;
  private final Problems problems;
  private final List<Parsed.Declaration> declarations = new ArrayList<>();
  private int index;

  /** Thrown past all frames when nesting is too deep; the problem is reported before. */
  private static final class TooDeep extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TooDeep() {
      super(null, null, false, false);
    }
  }

  private PrismaParser(String file, List<Token> tokens, Problems problems) {
    this.file = file;
    this.tokens = tokens;
    this.problems = problems;
  }

  static List<Parsed.Declaration> parse(String file, String text, Problems problems) {
    PrismaParser parser =
        new PrismaParser(file, PrismaLexer.tokenize(file, text, problems), problems);
    try {
      parser.parseFile();
    } catch (TooDeep tooDeep) {
      // reported; the rest of this file is not read
    }
    return parser.declarations;
  }

  private void parseFile() {
    while (true) {
      skipNewlines();
      if (at(Kind.EOF)) {
        return;
      }
      int before = index;
      parseTopLevel();
      if (index == before) {
        next();
      }
    }
  }

  private void parseTopLevel() {
    Token token = peek();
    if (token.kind() == Kind.UNKNOWN) {
      next();
      return;
    }
    if (token.kind() != Kind.IDENT) {
      error(
          token,
          "unexpected "
              + describe(token)
              + " outside any block: a schema file holds model, view, enum, type, datasource and generator blocks");
      next();
      while (!at(Kind.NEWLINE) && !at(Kind.EOF)) {
        next();
      }
      return;
    }
    switch (token.text()) {
      case "model" -> parseBlock(Parsed.BlockKind.MODEL);
      case "view" -> parseBlock(Parsed.BlockKind.VIEW);
      case "type" -> {
        if (peek(1).kind() == Kind.IDENT && peek(2).kind() == Kind.EQUALS) {
          parseAlias();
        } else {
          parseBlock(Parsed.BlockKind.COMPOSITE_TYPE);
        }
      }
      case "enum" -> parseEnum();
      case "datasource" -> parseConfig(Parsed.BlockKind.DATASOURCE);
      case "generator" -> parseConfig(Parsed.BlockKind.GENERATOR);
      default -> {
        error(
            token,
            "unknown block keyword `"
                + token.text()
                + "`: Prisma knows model, view, enum, type, datasource and generator");
        skipLineOrBlock();
      }
    }
  }

  /** Reads {@code keyword Name {}; returns the name token, or null after reporting and skipping. */
  private Token blockHeader(Parsed.BlockKind kind) {
    Token keyword = next();
    Token name = peek();
    if (name.kind() != Kind.IDENT) {
      error(
          name,
          kind.keyword
              + " needs a name: write `"
              + keyword.text()
              + " Name {`, found "
              + describe(name));
      skipLineOrBlock();
      return null;
    }
    next();
    if (!at(Kind.LBRACE)) {
      error(
          peek(),
          "expected { after `"
              + keyword.text()
              + " "
              + name.text()
              + "`, found "
              + describe(peek()));
      skipLineOrBlock();
      return null;
    }
    next();
    return name;
  }

  private void parseBlock(Parsed.BlockKind kind) {
    Token keyword = peek();
    Token name = blockHeader(kind);
    if (name == null) {
      return;
    }
    List<Parsed.Field> fields = new ArrayList<>();
    List<PrismaAttribute> attributes = new ArrayList<>();
    while (!blockEnds(keyword, name)) {
      Token token = peek();
      switch (token.kind()) {
        case NEWLINE, UNKNOWN -> next();
        case AT_AT -> parseBlockAttribute(attributes);
        case IDENT -> {
          Parsed.Field field = parseField(name.text());
          if (field != null) {
            fields.add(field);
          }
        }
        default -> {
          error(
              token,
              "unexpected "
                  + describe(token)
                  + " in "
                  + kind.keyword
                  + " "
                  + name.text()
                  + ": each line holds one field (`name Type @attributes`) or one @@attribute");
          skipLine();
        }
      }
    }
    declarations.add(new Parsed.Block(kind, name.text(), position(keyword), fields, attributes));
  }

  /** {@code @@map("x")} and the like: one per line. */
  private void parseBlockAttribute(List<PrismaAttribute> attributes) {
    PrismaAttribute attribute = parseAttribute();
    if (attribute != null) {
      attributes.add(attribute);
    }
    expectLineEnd("the block attribute");
  }

  private void parseEnum() {
    Token keyword = peek();
    Token name = blockHeader(Parsed.BlockKind.ENUM);
    if (name == null) {
      return;
    }
    List<Parsed.EnumValue> values = new ArrayList<>();
    List<PrismaAttribute> attributes = new ArrayList<>();
    while (!blockEnds(keyword, name)) {
      Token token = peek();
      switch (token.kind()) {
        case NEWLINE, UNKNOWN -> next();
        case AT_AT -> parseBlockAttribute(attributes);
        case IDENT -> {
          next();
          List<PrismaAttribute> valueAttributes = parseFieldAttributes();
          values.add(new Parsed.EnumValue(token.text(), valueAttributes, position(token)));
          expectLineEnd("enum value `" + token.text() + "`");
        }
        default -> {
          error(
              token,
              "unexpected "
                  + describe(token)
                  + " in enum "
                  + name.text()
                  + ": each line holds one value (`NAME @map(\"db_value\")`) or one @@attribute");
          skipLine();
        }
      }
    }
    declarations.add(new Parsed.Enum(name.text(), position(keyword), values, attributes));
  }

  private void parseConfig(Parsed.BlockKind kind) {
    Token keyword = peek();
    Token name = blockHeader(kind);
    if (name == null) {
      return;
    }
    List<Parsed.Property> properties = new ArrayList<>();
    while (!blockEnds(keyword, name)) {
      Token token = peek();
      switch (token.kind()) {
        case NEWLINE, UNKNOWN -> next();
        case IDENT -> {
          next();
          if (!at(Kind.EQUALS)) {
            error(
                peek(),
                "expected = after `"
                    + token.text()
                    + "` in "
                    + kind.keyword
                    + " "
                    + name.text()
                    + ", found "
                    + describe(peek())
                    + ": write `"
                    + token.text()
                    + " = value`");
            skipLine();
            continue;
          }
          next();
          PrismaValue value = parseExpression(0);
          if (value == null) {
            error(peek(), "`" + token.text() + " =` needs a value, found " + describe(peek()));
            skipLine();
            continue;
          }
          properties.add(new Parsed.Property(token.text(), value, position(token)));
          expectLineEnd("`" + token.text() + "`");
        }
        default -> {
          error(
              token,
              "unexpected "
                  + describe(token)
                  + " in "
                  + kind.keyword
                  + " "
                  + name.text()
                  + ": each line holds one `key = value`");
          skipLine();
        }
      }
    }
    declarations.add(new Parsed.Config(kind, name.text(), position(keyword), properties));
  }

  private void parseAlias() {
    Token keyword = next();
    Token name = next();
    next(); // =
    FieldType type = parseFieldType();
    if (type == null) {
      error(
          peek(), "type alias " + name.text() + " needs a type after =, found " + describe(peek()));
      skipLine();
      return;
    }
    parseFieldAttributes(); // an alias's attributes name nothing in the database
    expectLineEnd("type alias " + name.text());
    declarations.add(new Parsed.Alias(name.text(), position(keyword), type));
  }

  /**
   * True at the closing brace (consumed) or where the block clearly ended without one: the end of
   * the file, or the start of the next top-level block. Both are reported.
   */
  private boolean blockEnds(Token keyword, Token name) {
    if (accept(Kind.RBRACE)) {
      return true;
    }
    if (at(Kind.EOF) || startsTopLevelBlock()) {
      problems.add(
          Code.UNTERMINATED_BLOCK,
          position(keyword),
          keyword.text()
              + " "
              + name.text()
              + " is never closed"
              + (at(Kind.EOF) ? " before the end of the file" : " before line " + peek().line())
              + ": add } after its last line");
      return true;
    }
    return false;
  }

  private boolean startsTopLevelBlock() {
    Token token = peek();
    return token.kind() == Kind.IDENT
        && BLOCK_KEYWORDS.contains(token.text())
        && peek(1).kind() == Kind.IDENT
        && peek(2).kind() == Kind.LBRACE;
  }

  private Parsed.Field parseField(String blockName) {
    Token name = next();
    accept(Kind.COLON); // legacy `name: Type`
    FieldType type = parseFieldType();
    if (type == null) {
      error(
          peek(),
          "field `"
              + name.text()
              + "` in "
              + blockName
              + " has no type (found "
              + describe(peek())
              + "): write it as `"
              + name.text()
              + " String` or another type");
      skipLine();
      return null;
    }
    List<PrismaAttribute> attributes = parseFieldAttributes();
    expectLineEnd("field `" + name.text() + "`");
    return new Parsed.Field(name.text(), type, attributes, position(name));
  }

  /**
   * {@code Type}, {@code Type?}, {@code Type[]}, {@code Unsupported("x")}, legacy {@code [Type]},
   * {@code Type!}; null if absent.
   */
  private FieldType parseFieldType() {
    if (at(Kind.LBRACKET)) {
      next();
      FieldType base = parseBaseType();
      if (base == null) {
        return null;
      }
      expect(Kind.RBRACKET, "] closing the list type");
      return new FieldType(base.name(), FieldType.Arity.LIST, base.unsupported());
    }
    FieldType base = parseBaseType();
    if (base == null) {
      return null;
    }
    FieldType.Arity arity = FieldType.Arity.REQUIRED;
    if (at(Kind.LBRACKET) && peek(1).kind() == Kind.RBRACKET) {
      next();
      next();
      arity = FieldType.Arity.LIST;
      accept(Kind.QUESTION); // `Type[]?` is rejected by Prisma for real fields, allowed for
      // Unsupported
    } else if (accept(Kind.QUESTION)) {
      arity = FieldType.Arity.OPTIONAL;
    } else {
      accept(Kind.BANG);
    }
    return new FieldType(base.name(), arity, base.unsupported());
  }

  private FieldType parseBaseType() {
    Token token = peek();
    if (token.kind() != Kind.IDENT) {
      return null;
    }
    next();
    if (token.text().equals("Unsupported") && at(Kind.LPAREN)) {
      next();
      String databaseType = "";
      if (at(Kind.STRING)) {
        databaseType = next().text();
      } else {
        error(
            peek(),
            "Unsupported(...) takes the database type as a string, e.g. Unsupported(\"circle\"); found "
                + describe(peek()));
      }
      if (!expect(Kind.RPAREN, ") closing Unsupported(")) {
        skipUntilClose(Kind.LPAREN, Kind.RPAREN);
      }
      return new FieldType("Unsupported", FieldType.Arity.REQUIRED, Optional.of(databaseType));
    }
    return FieldType.of(token.text(), FieldType.Arity.REQUIRED);
  }

  private List<PrismaAttribute> parseFieldAttributes() {
    List<PrismaAttribute> attributes = new ArrayList<>();
    while (at(Kind.AT)) {
      PrismaAttribute attribute = parseAttribute();
      if (attribute == null) {
        break;
      }
      attributes.add(attribute);
    }
    return attributes;
  }

  /** At {@code @} or {@code @@}: the attribute, or null after reporting a missing name. */
  private PrismaAttribute parseAttribute() {
    Token at = next();
    if (!at(Kind.IDENT)) {
      error(
          peek(),
          at.text()
              + " must be followed by an attribute name such as "
              + at.text()
              + "map, found "
              + describe(peek()));
      return null;
    }
    String name = parsePath();
    List<PrismaArgument> arguments = at(Kind.LPAREN) ? parseArguments(0) : List.of();
    return new PrismaAttribute(name, arguments, position(at));
  }

  /** At an identifier: {@code a} or {@code a.b.c}. */
  private String parsePath() {
    StringBuilder path = new StringBuilder(next().text());
    while (at(Kind.DOT) && peek(1).kind() == Kind.IDENT) {
      next();
      path.append('.').append(next().text());
    }
    return path.toString();
  }

  /** At {@code (}: the arguments up to the matching {@code )}, recovering inside on errors. */
  private List<PrismaArgument> parseArguments(int depth) {
    checkDepth(depth);
    Token open = next();
    List<PrismaArgument> arguments = new ArrayList<>();
    while (true) {
      if ((skipNewlines() || atLineStart()) && nextLineDeclares()) {
        unclosed(open, ")");
        return arguments;
      }
      if (accept(Kind.RPAREN)) {
        return arguments;
      }
      PrismaArgument argument = parseArgument(depth);
      if (argument == null) {
        skipUntilClose(Kind.LPAREN, Kind.RPAREN);
        return arguments;
      }
      arguments.add(argument);
      if ((skipNewlines() || atLineStart()) && nextLineDeclares()) {
        unclosed(open, ")");
        return arguments;
      }
      if (accept(Kind.COMMA)) {
        continue;
      }
      if (accept(Kind.RPAREN)) {
        return arguments;
      }
      error(
          peek(),
          "expected , or ) in the arguments opened at line "
              + open.line()
              + ", found "
              + describe(peek()));
      skipUntilClose(Kind.LPAREN, Kind.RPAREN);
      return arguments;
    }
  }

  private PrismaArgument parseArgument(int depth) {
    Optional<String> name = Optional.empty();
    if (at(Kind.IDENT) && peek(1).kind() == Kind.COLON) {
      name = Optional.of(next().text());
      next();
      skipNewlines();
    }
    PrismaValue value = parseExpression(depth + 1);
    if (value == null) {
      error(
          peek(),
          name.map(n -> "argument `" + n + ":` needs a value").orElse("expected an argument")
              + ", found "
              + describe(peek()));
      return null;
    }
    return new PrismaArgument(name, value);
  }

  /**
   * A string, number, array, name, path or function call; null (nothing consumed) if none starts
   * here.
   */
  private PrismaValue parseExpression(int depth) {
    checkDepth(depth);
    Token token = peek();
    switch (token.kind()) {
      case STRING -> {
        next();
        return new PrismaValue.StringValue(token.text());
      }
      case NUMBER -> {
        next();
        return new PrismaValue.NumberValue(token.text());
      }
      case LBRACKET -> {
        return parseArray(depth);
      }
      case IDENT -> {
        String path = parsePath();
        if (at(Kind.LPAREN)) {
          return new PrismaValue.FunctionCall(path, parseArguments(depth + 1));
        }
        return new PrismaValue.ConstantValue(path);
      }
      default -> {
        return null;
      }
    }
  }

  private PrismaValue parseArray(int depth) {
    Token open = next();
    List<PrismaValue> items = new ArrayList<>();
    while (true) {
      if ((skipNewlines() || atLineStart()) && nextLineDeclares()) {
        unclosed(open, "]");
        break;
      }
      if (accept(Kind.RBRACKET)) {
        break;
      }
      PrismaValue item = parseExpression(depth + 1);
      if (item == null) {
        error(peek(), "expected a list item or ], found " + describe(peek()));
        skipUntilClose(Kind.LBRACKET, Kind.RBRACKET);
        break;
      }
      items.add(item);
      if ((skipNewlines() || atLineStart()) && nextLineDeclares()) {
        unclosed(open, "]");
        break;
      }
      if (accept(Kind.COMMA)) {
        continue;
      }
      if (accept(Kind.RBRACKET)) {
        break;
      }
      error(
          peek(),
          "expected , or ] in the list opened at line "
              + open.line()
              + ", found "
              + describe(peek()));
      skipUntilClose(Kind.LBRACKET, Kind.RBRACKET);
      break;
    }
    return new PrismaValue.ArrayValue(items);
  }

  private void checkDepth(int depth) {
    if (depth > MAX_NESTING) {
      problems.add(
          Code.NESTING_TOO_DEEP,
          position(peek()),
          "lists and calls nested more than "
              + MAX_NESTING
              + " deep: no Prisma schema needs this; the rest of the file is not read");
      throw new TooDeep();
    }
  }

  // ---- recovery and token helpers ----

  /**
   * After an error inside brackets: skip to the matching close (consumed), or stop before a } or
   * the end.
   */
  private void skipUntilClose(Kind open, Kind close) {
    int depth = 1;
    while (!at(Kind.EOF) && !at(Kind.RBRACE)) {
      if (at(Kind.NEWLINE) && peek(1).kind() != Kind.NEWLINE) {
        next();
        if (nextLineDeclares()) {
          return;
        }
        continue;
      }
      Kind kind = next().kind();
      if (kind == open) {
        depth++;
      } else if (kind == close && --depth == 0) {
        return;
      }
    }
  }

  private void expectLineEnd(String what) {
    if (at(Kind.NEWLINE) || at(Kind.RBRACE) || at(Kind.EOF) || atLineStart()) {
      return;
    }
    error(
        peek(),
        "unexpected " + describe(peek()) + " after " + what + ": put one declaration on each line");
    skipLine();
  }

  /** Skips the rest of the line, stopping before its end and before a } so the block can close. */
  private void skipLine() {
    while (!at(Kind.NEWLINE) && !at(Kind.RBRACE) && !at(Kind.EOF)) {
      next();
    }
  }

  /** Skips a whole {@code ... { ... }} if a brace opens on this line, else the line. */
  private void skipLineOrBlock() {
    int scan = index;
    while (tokens.get(scan).kind() != Kind.NEWLINE
        && tokens.get(scan).kind() != Kind.EOF
        && tokens.get(scan).kind() != Kind.LBRACE) {
      scan++;
    }
    if (tokens.get(scan).kind() != Kind.LBRACE) {
      skipLine();
      return;
    }
    index = scan + 1;
    int depth = 1;
    while (!at(Kind.EOF) && depth > 0) {
      Kind kind = next().kind();
      if (kind == Kind.LBRACE) {
        depth++;
      } else if (kind == Kind.RBRACE) {
        depth--;
      }
    }
  }

  /** Skips line ends; true if there were any. */
  private boolean skipNewlines() {
    boolean skipped = false;
    while (at(Kind.NEWLINE)) {
      next();
      skipped = true;
    }
    return skipped;
  }

  /**
   * At the start of a line inside brackets: does it begin a field ({@code name Type}), a block
   * attribute or a block? Then the bracket was left open, as no argument line looks like that.
   */
  private boolean nextLineDeclares() {
    return at(Kind.AT_AT) || at(Kind.RBRACE) || (at(Kind.IDENT) && peek(1).kind() == Kind.IDENT);
  }

  private boolean atLineStart() {
    return index > 0 && tokens.get(index - 1).kind() == Kind.NEWLINE;
  }

  private void unclosed(Token open, String close) {
    error(open, "the " + open.text() + " opened here is never closed: add " + close);
  }

  private boolean expect(Kind kind, String what) {
    if (accept(kind)) {
      return true;
    }
    error(peek(), "expected " + what + ", found " + describe(peek()));
    return false;
  }

  private Token peek() {
    return tokens.get(index);
  }

  private Token peek(int ahead) {
    return tokens.get(Math.min(index + ahead, tokens.size() - 1));
  }

  /** The current token, moving on unless it is the end of the file. */
  private Token next() {
    Token token = tokens.get(index);
    if (token.kind() != Kind.EOF) {
      index++;
    }
    return token;
  }

  private boolean at(Kind kind) {
    return peek().kind() == kind;
  }

  private boolean accept(Kind kind) {
    if (at(kind)) {
      next();
      return true;
    }
    return false;
  }

  /** Reports at a token, unless the lexer already reported it. */
  private void error(Token token, String message) {
    if (token.kind() != Kind.UNKNOWN) {
      problems.add(Code.SYNTAX_ERROR, position(token), message);
    }
  }

  private SourcePosition position(Token token) {
    return new SourcePosition(file, token.line(), token.column());
  }

  private static String describe(Token token) {
    return switch (token.kind()) {
      case EOF -> "the end of the file";
      case NEWLINE -> "the end of the line";
      case STRING ->
          "the string "
              + new PrismaValue.StringValue(
                  token.text().length() > 30
                      ? token.text().substring(0, 30) + "..."
                      : token.text());
      default -> "`" + token.text() + "`";
    };
  }
}
