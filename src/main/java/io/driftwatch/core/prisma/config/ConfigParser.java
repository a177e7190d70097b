package io.driftwatch.core.prisma.config;

import io.driftwatch.core.prisma.config.ConfigLexer.Kind;
import io.driftwatch.core.prisma.config.ConfigLexer.Lexed;
import io.driftwatch.core.prisma.config.ConfigLexer.Token;
import io.driftwatch.core.prisma.config.JsValue.Arr;
import io.driftwatch.core.prisma.config.JsValue.Bool;
import io.driftwatch.core.prisma.config.JsValue.Builtin;
import io.driftwatch.core.prisma.config.JsValue.Env;
import io.driftwatch.core.prisma.config.JsValue.Obj;
import io.driftwatch.core.prisma.config.JsValue.Other;
import io.driftwatch.core.prisma.config.JsValue.Text;
import io.driftwatch.core.prisma.config.JsValue.Unknown;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Evaluates the top level of a config file, statically, to find what it exports by default.
 *
 * <p>Statements: imports, {@code const}/{@code let}/{@code var} declarations, {@code export
 * default}, {@code export =}, {@code export { x as default }}, {@code module.exports =}, {@code
 * exports.default =}, and assignments to members of top-level names. Anything else at the top level
 * is stepped over; nested blocks and function bodies are never entered.
 *
 * <p>Expressions: string, template, number, boolean, null, object and array literals (with
 * spreads), top-level names, member access, {@code +}, {@code ??}, {@code ||}, TypeScript's {@code
 * as}, {@code satisfies}, {@code !} and type arguments, and calls to the few functions the reader
 * knows ({@link Builtin}). Any other expression is an {@link Unknown} saying what it is: the reader
 * gives up on that value, skips to its end by bracket depth, and reads on. Recursion only happens
 * through brackets, whose depth the lexer bounds, so the stack stays small.
 */
final class ConfigParser {

  /** Characters and entries copies may cost: each {@code a + a} or spread can double a value. */
  private static final long MAX_WORK = 4L * 1024 * 1024;

  /** Tokens at one level a type argument list may span: real ones are short. */
  private static final int MAX_TYPE_ARGUMENT_STEPS = 256;

  private static final Set<String> RESERVED =
      words(
          "break case catch const continue debugger default do else enum export extends finally"
              + " for if in instanceof let return switch throw try var while with");

  /** Words that start a statement: where a value the reader gave up on ends at the top level. */
  private static final Set<String> STATEMENT_WORDS =
      words(
          "export import const let var function class module exports type interface declare enum"
              + " async if for while try switch return throw");

  private static final Set<String> BINARY_OPERATORS =
      words("- * / % ** == != === !== < > <= >= && & | ^ << >> >>>");

  private static final Set<String> ASSIGNMENTS =
      words("= += -= *= /= %= **= <<= >>= >>>= &= |= ^= &&= ||= ??=");

  private static final Set<String> UNARY_WORDS = words("typeof void delete await");

  private static final Set<String> TYPE_PREFIXES =
      words("keyof typeof readonly unique infer asserts");

  private static Set<String> words(String spaced) {
    return Set.of(spaced.split(" "));
  }

  /** Thrown, and always caught inside this class, when an expression leaves the subset. */
  private static final class Unsupported extends RuntimeException {
    Unsupported(String reason) {
      super(reason, null, false, false);
    }
  }

  private final List<Token> tokens;
  private final int[] depth;
  private final int[] partner;
  private final Map<String, JsValue> bindings = new HashMap<>();
  private int pos;
  private long work;
  private JsValue exported;
  private String defaultAlias;

  private ConfigParser(Lexed lexed) {
    this.tokens = lexed.tokens();
    this.depth = lexed.depth();
    this.partner = lexed.partner();
  }

  /** The value the file exports by default, or empty when it exports none. */
  static Optional<JsValue> exportedValue(Lexed lexed) {
    ConfigParser parser = new ConfigParser(lexed);
    parser.program();
    return Optional.ofNullable(parser.exported);
  }

  // ---------------------------------------------------------------- statements

  private void program() {
    while (tok().kind() != Kind.EOF) {
      int before = pos;
      statement();
      if (pos <= before) {
        pos = before + 1;
      }
    }
    if (defaultAlias != null) {
      exported = resolve(defaultAlias);
    }
  }

  private void statement() {
    Token token = tok();
    if (depthAt(pos) != 0 || token.kind() != Kind.IDENT || afterDot()) {
      pos++;
      return;
    }
    switch (token.text()) {
      case "import" -> {
        if (peek(1).is("(") || peek(1).is(".")) {
          pos++;
        } else {
          importDeclaration();
        }
      }
      case "export" -> exportDeclaration();
      case "const", "let", "var" -> {
        pos++;
        declarations();
      }
      case "function", "class" -> namedDeclaration();
      default -> {
        if (statementStart()) {
          assignment();
        } else {
          pos++;
        }
      }
    }
  }

  private boolean afterDot() {
    return pos > 0 && (tokens.get(pos - 1).is(".") || tokens.get(pos - 1).is("?."));
  }

  private boolean statementStart() {
    if (pos == 0 || tok().newlineBefore()) {
      return true;
    }
    Token previous = tokens.get(pos - 1);
    return previous.is(";") || previous.is("}");
  }

  private void importDeclaration() {
    pos++;
    if (tok().kind() == Kind.STRING) {
      pos++;
      skipImportAttributes();
      return;
    }
    boolean typeOnly = false;
    if (tok().isWord("type") && !peek(1).isWord("from") && !peek(1).is(",") && !peek(1).is("=")) {
      typeOnly = true;
      pos++;
    }
    List<String[]> specifiers = new ArrayList<>(); // {imported name, local name}
    if (tok().kind() == Kind.IDENT) {
      String local = tok().text();
      pos++;
      if (tok().is("=")) { // import path = require("node:path")
        pos++;
        JsValue value = boundedValue(0);
        bindings.put(local, typeOnly ? new Unknown(local + ", a type") : value);
        return;
      }
      specifiers.add(new String[] {"default", local});
      if (tok().is(",")) {
        pos++;
      }
    }
    if (tok().is("*")) {
      if (!peek(1).isWord("as") || peek(2).kind() != Kind.IDENT) {
        return;
      }
      specifiers.add(new String[] {"*", peek(2).text()});
      pos += 3;
    } else if (tok().is("{")) {
      for (List<Token> segment : segments(pos)) {
        List<Token> names = segment;
        boolean typeSpecifier = names.size() > 1 && names.get(0).isWord("type");
        if (typeSpecifier) {
          names = names.subList(1, names.size());
        }
        String imported = names.isEmpty() ? null : nameOrString(names.get(0));
        if (imported == null) {
          continue;
        }
        if (names.size() == 1) {
          specifiers.add(new String[] {typeSpecifier ? null : imported, imported});
        } else if (names.size() == 3
            && names.get(1).isWord("as")
            && names.get(2).kind() == Kind.IDENT) {
          specifiers.add(new String[] {typeSpecifier ? null : imported, names.get(2).text()});
        }
      }
      pos = partner[pos] + 1;
    }
    if (!tok().isWord("from") || peek(1).kind() != Kind.STRING) {
      return;
    }
    String source = peek(1).text();
    pos += 2;
    skipImportAttributes();
    for (String[] specifier : specifiers) {
      bindings.put(
          specifier[1],
          typeOnly || specifier[0] == null
              ? new Unknown(ConfigLexer.shorten(specifier[1]) + ", a type")
              : imported(source, specifier[0]));
    }
    if (tok().is(";")) {
      pos++;
    }
  }

  private void skipImportAttributes() {
    if ((tok().isWord("with") || tok().isWord("assert")) && peek(1).is("{")) {
      pos = partner[pos + 1] + 1;
    }
    if (tok().is(";")) {
      pos++;
    }
  }

  private static String nameOrString(Token token) {
    return token.kind() == Kind.IDENT || token.kind() == Kind.STRING ? token.text() : null;
  }

  private void exportDeclaration() {
    pos++;
    Token token = tok();
    if (token.isWord("default")) {
      pos++;
      Token value = tok();
      if (value.isWord("function") || (value.isWord("async") && peek(1).isWord("function"))) {
        exported = new Unknown("a function");
      } else if (value.isWord("class")) {
        exported = new Unknown("a class");
      } else if (!value.isWord("interface")) {
        exported = boundedValue(0);
        if (tok().is(";")) {
          pos++;
        }
      }
    } else if (token.is("=")) { // export = defineConfig(...)
      pos++;
      exported = boundedValue(0);
    } else if (token.isWord("const") || token.isWord("let") || token.isWord("var")) {
      pos++;
      declarations();
    } else if (token.is("{")) {
      exportList();
    }
    // export function / class / type / interface / *: the statement loop reads on
  }

  private void exportList() {
    String alias = null;
    boolean exportsDefault = false;
    for (List<Token> segment : segments(pos)) {
      if (segment.size() == 1 && segment.get(0).isWord("default")) {
        exportsDefault = true;
      } else if (segment.size() == 3
          && segment.get(1).isWord("as")
          && segment.get(2).isWord("default")
          && segment.get(0).kind() == Kind.IDENT) {
        exportsDefault = true;
        alias = segment.get(0).text();
      }
    }
    pos = partner[pos] + 1;
    if (!exportsDefault) {
      return;
    }
    if (tok().isWord("from")) {
      String source = peek(1).kind() == Kind.STRING ? moduleName(peek(1).text()) : "a module";
      exported = new Unknown("the default export of " + source);
      defaultAlias = null;
    } else if (alias != null) {
      defaultAlias = alias; // resolved at the end: an export list may come before the name
    }
  }

  private void declarations() {
    while (true) {
      Token token = tok();
      if (token.kind() == Kind.IDENT && !RESERVED.contains(token.text())) {
        String name = token.text();
        pos++;
        if (tok().is("!")) {
          pos++;
        }
        if (tok().is(":") && !skipTypeIfPossible()) {
          bindings.put(name, new Unknown(ConfigLexer.shorten(name) + ", of a type beyond reach"));
          return;
        }
        if (tok().is("=")) {
          pos++;
          bindings.put(name, boundedValue(0));
        } else {
          bindings.put(name, new Unknown(ConfigLexer.shorten(name) + ", declared without a value"));
        }
      } else if (token.is("{")) {
        List<String[]> names = objectPattern(pos);
        pos = partner[pos] + 1;
        if (tok().is(":") && !skipTypeIfPossible()) {
          return;
        }
        if (!tok().is("=")) {
          return;
        }
        pos++;
        JsValue source = boundedValue(0);
        for (String[] name : names) {
          bindings.put(
              name[1],
              name[0] == null
                  ? new Unknown("the rest of a destructuring")
                  : member(source, name[0]));
        }
      } else if (token.is("[")) {
        pos = partner[pos] + 1; // its names stay unknown
        if (tok().is("=")) {
          pos++;
          boundedValue(0);
        }
      } else {
        return;
      }
      if (!tok().is(",")) {
        break;
      }
      pos++;
    }
    if (tok().is(";")) {
      pos++;
    }
  }

  /** The simple names of {@code { a, b: c, d = 1, ...rest }}: {key, local}, key null for rest. */
  private List<String[]> objectPattern(int open) {
    List<String[]> names = new ArrayList<>();
    for (List<Token> segment : segments(open)) {
      int size = segment.size();
      Token first = segment.get(0);
      if (first.is("...") && size == 2 && segment.get(1).kind() == Kind.IDENT) {
        names.add(new String[] {null, segment.get(1).text()});
      } else if (first.kind() == Kind.IDENT && (size == 1 || segment.get(1).is("="))) {
        names.add(new String[] {first.text(), first.text()});
      } else if (nameOrString(first) != null
          && size >= 3
          && segment.get(1).is(":")
          && segment.get(2).kind() == Kind.IDENT
          && (size == 3 || segment.get(3).is("="))) {
        names.add(new String[] {first.text(), segment.get(2).text()});
      }
    }
    return names;
  }

  /** The tokens between an opening brace and its partner, cut at the commas at its own depth. */
  private List<List<Token>> segments(int open) {
    List<List<Token>> segments = new ArrayList<>();
    int close = partner[open];
    int inner = depth[open] + 1;
    List<Token> current = new ArrayList<>();
    for (int i = open + 1; i < close; i++) {
      if (depth[i] == inner && tokens.get(i).is(",")) {
        if (!current.isEmpty()) {
          segments.add(current);
        }
        current = new ArrayList<>();
      } else {
        current.add(tokens.get(i));
      }
    }
    if (!current.isEmpty()) {
      segments.add(current);
    }
    return segments;
  }

  private void namedDeclaration() {
    String kind = tok().text();
    pos++;
    if (tok().is("*")) {
      pos++;
    }
    if (tok().kind() == Kind.IDENT) {
      String name = tok().text();
      bindings.put(name, new Unknown("the " + kind + " " + ConfigLexer.shorten(name)));
      pos++;
    }
  }

  /** {@code a.b["c"] = value}; changes the object it reaches, as JavaScript would. */
  private void assignment() {
    List<String> target = new ArrayList<>();
    target.add(tok().text());
    int i = pos + 1;
    while (target.size() <= 16) {
      if (tokAt(i).is(".") && tokAt(i + 1).kind() == Kind.IDENT) {
        target.add(tokAt(i + 1).text());
        i += 2;
      } else if (tokAt(i).is("[") && tokAt(i + 1).kind() == Kind.STRING && tokAt(i + 2).is("]")) {
        target.add(tokAt(i + 1).text());
        i += 3;
      } else {
        break;
      }
    }
    Token operator = tokAt(i);
    if (operator.kind() != Kind.PUNCT || !ASSIGNMENTS.contains(operator.text())) {
      pos++;
      return;
    }
    pos = i + 1;
    JsValue value = boundedValue(0);
    if (!operator.is("=")) {
      value = new Unknown("changed with " + operator.text());
    }
    assign(target, value);
    if (tok().is(";")) {
      pos++;
    }
  }

  private void assign(List<String> target, JsValue value) {
    String root = target.get(0);
    if (target.equals(List.of("module", "exports"))
        || target.equals(List.of("exports", "default"))
        || target.equals(List.of("module", "exports", "default"))) {
      exported = value;
      return;
    }
    JsValue current;
    List<String> keys;
    if (root.equals("module") && target.size() > 2 && target.get(1).equals("exports")) {
      current = exported;
      keys = target.subList(2, target.size());
    } else if (root.equals("module") || root.equals("exports")) {
      return; // named CommonJS exports are not the config
    } else if (target.size() == 1) {
      if (bindings.containsKey(root)) {
        bindings.put(root, value);
      }
      return;
    } else {
      current = bindings.get(root);
      keys = target.subList(1, target.size());
    }
    for (int k = 0; k < keys.size() - 1 && current instanceof Obj object; k++) {
      current = object.entries().get(keys.get(k));
    }
    if (current instanceof Obj object) {
      object.entries().put(keys.get(keys.size() - 1), value);
    }
  }

  // ---------------------------------------------------------------- expressions

  /**
   * One value that ends at a comma of depth {@code d}, at the bracket closing depth {@code d}, or
   * (at the top level) at a semicolon or a line end. Never throws: what cannot be read is an {@link
   * Unknown}, and the reader moves to the value's end.
   */
  private JsValue boundedValue(int d) {
    int start = pos;
    try {
      JsValue value = expression();
      if (!atValueEnd(d)) {
        throw new Unsupported(unexpected(tok()));
      }
      return value;
    } catch (Unsupported e) {
      skipValue(d, start);
      return new Unknown(e.getMessage());
    }
  }

  private boolean atValueEnd(int d) {
    Token token = tok();
    int here = depthAt(pos);
    if (token.kind() == Kind.EOF || here < d) {
      return true;
    }
    if (here == d && token.is(",")) {
      return true;
    }
    return d == 0 && (token.is(";") || token.newlineBefore());
  }

  private void skipValue(int d, int start) {
    while (true) {
      Token token = tok();
      int here = depthAt(pos);
      if (token.kind() == Kind.EOF || here < d || (here == d && token.is(","))) {
        return;
      }
      if (d == 0
          && here == 0
          && (token.is(";")
              || (pos > start
                  && token.newlineBefore()
                  && token.kind() == Kind.IDENT
                  && STATEMENT_WORDS.contains(token.text())))) {
        return;
      }
      pos++;
    }
  }

  private JsValue expression() {
    JsValue value = coalesce();
    Token token = tok();
    if (token.is("?")) {
      throw new Unsupported(environmentReason(value).orElse("a conditional (... ? ... : ...)"));
    }
    if (token.kind() == Kind.PUNCT && ASSIGNMENTS.contains(token.text())) {
      throw new Unsupported("an assignment");
    }
    return value;
  }

  private JsValue coalesce() {
    JsValue left = additive();
    while (tok().is("??") || tok().is("||")) {
      boolean nullish = tok().is("??");
      pos++;
      left = fallback(left, additive(), nullish);
    }
    return left;
  }

  private JsValue additive() {
    JsValue left = unary();
    while (tok().is("+")) {
      pos++;
      left = concat(left, unary());
    }
    Token token = tok();
    if ((token.kind() == Kind.PUNCT && BINARY_OPERATORS.contains(token.text()))
        || token.isWord("in")
        || token.isWord("instanceof")) {
      throw new Unsupported(environmentReason(left).orElse("an expression with " + token.text()));
    }
    return left;
  }

  private JsValue unary() {
    Token token = tok();
    boolean operator =
        token.is("!")
            || token.is("-")
            || token.is("+")
            || token.is("~")
            || token.is("++")
            || token.is("--");
    if (operator || (token.kind() == Kind.IDENT && UNARY_WORDS.contains(token.text()))) {
      throw new Unsupported("an expression with " + token.text());
    }
    return postfix();
  }

  private JsValue postfix() {
    Token first = tok();
    JsValue value = primary();
    String name =
        first.kind() != Kind.IDENT
            ? null
            : first.isWord("import") ? "import.meta" : ConfigLexer.shorten(first.text());
    while (true) {
      Token token = tok();
      if (token.is(".") || token.is("?.")) {
        Token next = peek(1);
        if (token.is("?.") && (next.is("(") || next.is("["))) {
          pos++;
          continue;
        }
        if (next.kind() != Kind.IDENT) {
          throw new Unsupported(unexpected(next));
        }
        pos += 2;
        value = member(value, next.text());
        name = longer(name, "." + ConfigLexer.shorten(next.text()));
      } else if (token.is("[")) {
        int close = partner[pos];
        pos++;
        JsValue key = expression();
        if (pos != close) {
          throw new Unsupported(unexpected(tok()));
        }
        pos++;
        value =
            key instanceof Text text && !text.inConfigFolder()
                ? member(value, text.text())
                : new Unknown("a computed member" + (name == null ? "" : " of " + name));
        name = longer(name, "[...]");
      } else if (token.is("(")) {
        value = call(value, name, arguments());
        name = null;
      } else if (token.is("<") && typeArgumentsBeforeCall()) {
        continue; // env<Env>("X"): now at the parenthesis
      } else if (token.is("!") && !token.newlineBefore()) {
        pos++; // TypeScript's non-null assertion
      } else if ((token.isWord("as") || token.isWord("satisfies")) && !token.newlineBefore()) {
        pos++;
        skipType();
      } else if (token.kind() == Kind.TEMPLATE || token.kind() == Kind.TEMPLATE_HEAD) {
        throw new Unsupported("a tagged template");
      } else {
        return value;
      }
    }
  }

  /** A callee's name for a reason; none past a length, so long chains stay linear. */
  private static String longer(String name, String suffix) {
    return name == null || name.length() > 80 ? null : name + suffix;
  }

  private JsValue primary() {
    Token token = tok();
    switch (token.kind()) {
      case STRING, TEMPLATE -> {
        pos++;
        return new Text(token.text(), false);
      }
      case TEMPLATE_HEAD -> {
        return template();
      }
      case NUMBER -> {
        pos++;
        return Other.NUMBER;
      }
      case REGEX -> throw new Unsupported("a regular expression");
      case IDENT -> {
        return word(token);
      }
      case PUNCT -> {
        if (token.is("(")) {
          return parenthesised();
        }
        if (token.is("[")) {
          return array();
        }
        if (token.is("{")) {
          return object();
        }
        if (token.is("<")) {
          throw new Unsupported("a type assertion or a generic function");
        }
        throw new Unsupported(unexpected(token));
      }
      default -> throw new Unsupported(unexpected(token));
    }
  }

  private JsValue parenthesised() {
    Token after = tokAt(partner[pos] + 1);
    if (after.is("=>") || after.is(":")) {
      throw new Unsupported("a function (an arrow function)");
    }
    pos++;
    JsValue value = expression();
    while (tok().is(",")) { // (0, config_1.defineConfig): the last one
      pos++;
      value = expression();
    }
    if (!tok().is(")")) {
      throw new Unsupported(unexpected(tok()));
    }
    pos++;
    return value;
  }

  private JsValue word(Token token) {
    String text = token.text();
    if (peek(1).is("=>")) {
      throw new Unsupported("a function (an arrow function)");
    }
    switch (text) {
      case "true", "false" -> {
        pos++;
        return new Bool(text.equals("true"));
      }
      case "null" -> {
        pos++;
        return Other.NULL;
      }
      case "function" -> throw new Unsupported("a function");
      case "class" -> throw new Unsupported("a class");
      case "new" ->
          throw new Unsupported(
              peek(1).kind() == Kind.IDENT
                  ? "an object made with new " + ConfigLexer.shorten(peek(1).text()) + "()"
                  : "an object made with new");
      case "this", "super" -> throw new Unsupported(text);
      case "import" -> {
        if (peek(1).is(".") && peek(2).isWord("meta")) {
          pos += 3;
          return Builtin.IMPORT_META;
        }
        throw new Unsupported("a dynamic import()");
      }
      case "async" -> {
        if (peek(1).is("(") || peek(1).kind() == Kind.IDENT) {
          throw new Unsupported("an async function");
        }
      }
      default -> {
        if (RESERVED.contains(text)) {
          throw new Unsupported(unexpected(token));
        }
      }
    }
    pos++;
    return resolve(text);
  }

  private JsValue template() {
    JsValue value = new Text(tok().text(), false);
    while (true) {
      int inner = depthAt(pos) + 1;
      pos++;
      value = concat(value, boundedValue(inner));
      Token token = tok();
      if (token.kind() != Kind.TEMPLATE_MIDDLE && token.kind() != Kind.TEMPLATE_TAIL) {
        throw new Unsupported(unexpected(token)); // not reached: the lexer pairs template parts
      }
      value = concat(value, new Text(token.text(), false));
      if (token.kind() == Kind.TEMPLATE_TAIL) {
        pos++;
        return value;
      }
    }
  }

  private Obj object() {
    int open = pos;
    int close = partner[open];
    int inner = depth[open] + 1;
    pos++;
    Obj object = new Obj();
    while (pos < close) {
      if (tok().is(",")) {
        pos++;
        continue;
      }
      int start = pos;
      try {
        property(object, close, inner);
      } catch (Unsupported e) {
        skipValue(inner, start);
        object.unknowable().add(e.getMessage());
      }
      if (tok().is(",") && depthAt(pos) == inner) {
        pos++;
      } else if (pos < close) {
        pos = close;
      }
    }
    pos = close + 1;
    return object;
  }

  private void property(Obj object, int close, int inner) {
    Token token = tok();
    if (token.is("...")) {
      pos++;
      int start = pos;
      JsValue value = boundedValue(inner);
      spread(object, value, sourceText(start, pos));
      return;
    }
    String accessor = null;
    if ((token.isWord("get") || token.isWord("set") || token.isWord("async"))
        && startsKey(peek(1))) {
      accessor = token.text();
      pos++;
    }
    if (tok().is("*")) {
      accessor = "*";
      pos++;
    }
    Token keyToken = tok();
    String key = propertyKey();
    if (accessor != null || tok().is("(") || tok().is("<")) {
      object.entries().put(key, new Unknown("get".equals(accessor) ? "a getter" : "a method"));
      skipValue(inner, pos);
      return;
    }
    if (tok().is(":")) {
      pos++;
      object.entries().put(key, boundedValue(inner));
      return;
    }
    if (keyToken.kind() == Kind.IDENT && (tok().is(",") || pos == close)) {
      object.entries().put(key, resolve(key)); // { schema }
      return;
    }
    throw new Unsupported(unexpected(tok()));
  }

  private static boolean startsKey(Token token) {
    return token.kind() == Kind.IDENT
        || token.kind() == Kind.STRING
        || token.kind() == Kind.NUMBER
        || token.is("[")
        || token.is("*");
  }

  private String propertyKey() {
    Token token = tok();
    if (token.kind() == Kind.IDENT || token.kind() == Kind.STRING || token.kind() == Kind.NUMBER) {
      pos++;
      return token.text();
    }
    if (token.is("[")) {
      int close = partner[pos];
      pos++;
      JsValue key = expression();
      if (pos != close) {
        throw new Unsupported(unexpected(tok()));
      }
      pos++;
      if (key instanceof Text text && !text.inConfigFolder()) {
        return text.text();
      }
      throw new Unsupported("a computed key");
    }
    throw new Unsupported(unexpected(token));
  }

  private void spread(Obj object, JsValue value, String text) {
    if (value instanceof Obj source) {
      charge(source.entries().size() + 1);
      object.entries().putAll(source.entries());
      object.unknowable().addAll(source.unknowable());
    } else if (value instanceof Unknown || value instanceof Env || value instanceof Builtin) {
      object.entries().clear(); // the keys written before may be overwritten
      object.unknowable().add(spreadReason(value, text));
    }
  }

  private static String spreadReason(JsValue value, String text) {
    return text != null ? "a spread (..." + text + ")" : "a spread of " + value.describe();
  }

  /** The source of a short run of names, dots and parentheses, for a reason; else null. */
  private String sourceText(int start, int end) {
    if (end - start > 12 || end <= start) {
      return null;
    }
    StringBuilder text = new StringBuilder();
    for (int i = start; i < end; i++) {
      Token token = tokens.get(i);
      boolean plain =
          token.kind() == Kind.IDENT
              || token.is(".")
              || token.is("?.")
              || token.is("(")
              || token.is(")")
              || token.is("!");
      if (!plain) {
        return null;
      }
      text.append(token.kind() == Kind.IDENT ? ConfigLexer.shorten(token.text()) : token.text());
    }
    return text.toString();
  }

  private Arr array() {
    int open = pos;
    int close = partner[open];
    int inner = depth[open] + 1;
    pos++;
    List<JsValue> elements = new ArrayList<>();
    while (pos < close) {
      if (tok().is(",")) {
        elements.add(Other.HOLE);
        pos++;
        continue;
      }
      if (tok().is("...")) {
        pos++;
        int start = pos;
        JsValue value = boundedValue(inner);
        if (value instanceof Arr source) {
          charge(source.elements().size() + 1);
          elements.addAll(source.elements());
        } else {
          elements.add(new Unknown(spreadReason(value, sourceText(start, pos))));
        }
      } else {
        elements.add(boundedValue(inner));
      }
      if (tok().is(",") && depthAt(pos) == inner) {
        pos++;
      } else if (pos < close) {
        pos = close;
      }
    }
    pos = close + 1;
    return new Arr(elements);
  }

  private List<JsValue> arguments() {
    int open = pos;
    int close = partner[open];
    int inner = depth[open] + 1;
    pos++;
    List<JsValue> arguments = new ArrayList<>();
    while (pos < close) {
      if (tok().is("...")) {
        pos++;
        boundedValue(inner);
        arguments.add(new Unknown("a spread argument"));
      } else {
        arguments.add(boundedValue(inner));
      }
      if (tok().is(",") && depthAt(pos) == inner) {
        pos++;
      } else if (pos < close) {
        pos = close;
      }
    }
    pos = close + 1;
    return arguments;
  }

  /** After a {@code <}: type arguments followed by a call? If so, stands on the parenthesis. */
  private boolean typeArgumentsBeforeCall() {
    int save = pos;
    try {
      skipTypeArguments();
      if (tok().is("(")) {
        return true;
      }
    } catch (Unsupported e) {
      // a comparison, not type arguments
    }
    pos = save;
    return false;
  }

  // ---------------------------------------------------------------- types, skipped

  private boolean skipTypeIfPossible() {
    pos++; // the colon
    try {
      skipType();
      return true;
    } catch (Unsupported e) {
      return false;
    }
  }

  /** Steps over a TypeScript type without recursion: names, literals, brackets, unions, arrows. */
  private void skipType() {
    while (true) {
      while (tok().is("|")
          || tok().is("&")
          || (tok().kind() == Kind.IDENT && TYPE_PREFIXES.contains(tok().text()))) {
        pos++;
      }
      Token token = tok();
      if (token.opens()) {
        pos = end(pos) + 1;
      } else if (token.kind() == Kind.IDENT
          || token.kind() == Kind.STRING
          || token.kind() == Kind.NUMBER
          || token.kind() == Kind.TEMPLATE) {
        pos++;
      } else if (token.is("-") && peek(1).kind() == Kind.NUMBER) {
        pos += 2;
      } else {
        throw new Unsupported("a type beyond the reader");
      }
      while (true) {
        if (tok().is(".") && peek(1).kind() == Kind.IDENT) {
          pos += 2;
        } else if (tok().is("<")) {
          skipTypeArguments();
        } else if (tok().is("[") && !tok().newlineBefore()) {
          pos = partner[pos] + 1;
        } else {
          break;
        }
      }
      if (tok().is("|") || tok().is("&") || tok().is("=>") || tok().isWord("is")) {
        pos++;
        continue;
      }
      if (tok().isWord("extends")) {
        throw new Unsupported("a conditional type");
      }
      return;
    }
  }

  /**
   * From a {@code <} to past its {@code >}, counting the {@code >} in {@code >>} and the like. At
   * most {@link #MAX_TYPE_ARGUMENT_STEPS} steps: a comparison tried as type arguments must not cost
   * a scan to the end of the list it sits in, once per element.
   */
  private void skipTypeArguments() {
    int level = depthAt(pos);
    int open = 0;
    for (int steps = 0; ; steps++) {
      Token token = tok();
      if (token.kind() == Kind.EOF
          || depthAt(pos) < level
          || token.is(";")
          || steps > MAX_TYPE_ARGUMENT_STEPS) {
        throw new Unsupported("a type beyond the reader");
      }
      if (token.is("<")) {
        open++;
        pos++;
      } else if (token.kind() == Kind.PUNCT && token.text().startsWith(">")) {
        open -= closingAngles(token.text());
        pos++;
        if (open <= 0) {
          return;
        }
      } else if (token.opens()) {
        pos = end(pos) + 1;
      } else {
        pos++;
      }
    }
  }

  private static int closingAngles(String punctuator) {
    int count = 0;
    while (count < punctuator.length() && punctuator.charAt(count) == '>') {
      count++;
    }
    return count;
  }

  /** The token that closes the bracket at {@code open}: a template's last part for a template. */
  private int end(int open) {
    int close = partner[open];
    while (tokens.get(close).kind() == Kind.TEMPLATE_MIDDLE) {
      close = partner[close];
    }
    return close;
  }

  // ---------------------------------------------------------------- evaluation

  private JsValue resolve(String name) {
    JsValue bound = bindings.get(name);
    if (bound != null) {
      return bound;
    }
    return switch (name) {
      case "__dirname" -> Text.CONFIG_FOLDER;
      case "__filename" -> Builtin.CONFIG_FILE;
      case "process" -> Builtin.PROCESS;
      case "require" -> Builtin.REQUIRE;
      case "defineConfig" -> Builtin.DEFINE_CONFIG;
      case "env" -> Builtin.ENV;
      case "undefined" -> Other.UNDEFINED;
      case "NaN", "Infinity" -> Other.NUMBER;
      default ->
          new Unknown(ConfigLexer.shorten(name) + ", which is not a constant written in this file");
    };
  }

  private JsValue member(JsValue value, String key) {
    if (value instanceof Obj object) {
      JsValue entry = object.entries().get(key);
      if (entry != null) {
        return entry;
      }
      return object.unknowable().isEmpty()
          ? Other.UNDEFINED
          : new Unknown(object.unknowable().get(0));
    }
    if (value instanceof Unknown) {
      return value;
    }
    if (value instanceof Env env) {
      return new Unknown(env.describe());
    }
    if (value instanceof Builtin builtin) {
      return builtinMember(builtin, key);
    }
    return new Unknown("a property of " + value.describe());
  }

  private static JsValue builtinMember(Builtin builtin, String key) {
    JsValue found =
        switch (builtin) {
          case PATH_MODULE ->
              switch (key) {
                case "join" -> Builtin.PATH_JOIN;
                case "resolve" -> Builtin.PATH_RESOLVE;
                case "normalize" -> Builtin.PATH_NORMALIZE;
                case "dirname" -> Builtin.PATH_DIRNAME;
                case "posix" -> Builtin.PATH_MODULE;
                default -> null;
              };
          case PROCESS ->
              switch (key) {
                case "env" -> Builtin.PROCESS_ENV;
                case "cwd" -> Builtin.PROCESS_CWD;
                default -> null;
              };
          case PROCESS_ENV -> environmentVariable(key);
          case IMPORT_META ->
              switch (key) {
                case "dirname" -> Text.CONFIG_FOLDER;
                case "filename" -> Builtin.CONFIG_FILE;
                case "url" -> Builtin.IMPORT_META_URL;
                default -> null;
              };
          case PRISMA_CONFIG_MODULE ->
              switch (key) {
                case "defineConfig" -> Builtin.DEFINE_CONFIG;
                case "env" -> Builtin.ENV;
                default -> null;
              };
          case URL_MODULE -> key.equals("fileURLToPath") ? Builtin.FILE_URL_TO_PATH : null;
          default -> null;
        };
    String shortName =
        builtin.display().startsWith("the module ")
            ? builtin.display().substring("the module ".length())
            : builtin.display();
    return found != null ? found : new Unknown(shortName + "." + ConfigLexer.shorten(key));
  }

  private JsValue call(JsValue callee, String name, List<JsValue> arguments) {
    if (callee instanceof Builtin builtin) {
      switch (builtin) {
        case DEFINE_CONFIG -> {
          return arguments.isEmpty()
              ? new Unknown("defineConfig() without an argument")
              : arguments.get(0);
        }
        case ENV -> {
          return !arguments.isEmpty()
                  && arguments.get(0) instanceof Text text
                  && !text.inConfigFolder()
              ? environmentVariable(text.text())
              : new Unknown("env() of a name that is not written in the file");
        }
        case PATH_JOIN, PATH_RESOLVE, PATH_NORMALIZE, PATH_DIRNAME -> {
          return pathCall(builtin, arguments);
        }
        case PROCESS_CWD -> {
          return Text.CONFIG_FOLDER; // see ConfigPaths.resolve
        }
        case REQUIRE -> {
          return !arguments.isEmpty() && arguments.get(0) instanceof Text text
              ? module(text.text())
              : new Unknown("require() of a name that is not written in the file");
        }
        case FILE_URL_TO_PATH -> {
          if (!arguments.isEmpty() && arguments.get(0) == Builtin.IMPORT_META_URL) {
            return Builtin.CONFIG_FILE;
          }
        }
        default -> {}
      }
    }
    return new Unknown(name == null ? "a function call" : "a call to " + name + "()");
  }

  private JsValue pathCall(Builtin function, List<JsValue> arguments) {
    List<Text> texts = new ArrayList<>();
    for (JsValue argument : arguments) {
      if (argument instanceof Text text) {
        charge(text.text().length());
        texts.add(text);
      } else if (argument == Builtin.CONFIG_FILE && function == Builtin.PATH_DIRNAME) {
        return Text.CONFIG_FOLDER;
      } else if (argument instanceof Env env) {
        return new Unknown(env.describe());
      } else if (argument instanceof Unknown) {
        return argument;
      } else {
        return new Unknown(function.display() + "() of " + argument.describe());
      }
    }
    boolean single = texts.size() == 1;
    return switch (function) {
      case PATH_JOIN -> ConfigPaths.join(texts);
      case PATH_RESOLVE -> ConfigPaths.resolve(texts);
      case PATH_NORMALIZE ->
          single
              ? ConfigPaths.normalize(texts.get(0))
              : new Unknown("path.normalize() of " + texts.size() + " arguments");
      default ->
          single
              ? ConfigPaths.dirname(texts.get(0))
              : new Unknown("path.dirname() of " + texts.size() + " arguments");
    };
  }

  private static JsValue environmentVariable(String name) {
    return isVariableName(name)
        ? new Env(name)
        : new Unknown("an environment variable whose name is not a plain name");
  }

  /** A plain variable name; anything else could be a URL written by mistake, and is not kept. */
  private static boolean isVariableName(String name) {
    if (name.isEmpty() || name.length() > 256 || Character.isDigit(name.charAt(0))) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean plain =
          (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
      if (!plain) {
        return false;
      }
    }
    return true;
  }

  private JsValue imported(String source, String name) {
    JsValue module = module(source);
    boolean whole = name.equals("*") || name.equals("default");
    if (module instanceof Unknown) {
      return new Unknown(
          whole
              ? module.describe()
              : ConfigLexer.shorten(name) + ", imported from " + moduleName(source));
    }
    return whole ? module : member(module, name);
  }

  private static JsValue module(String source) {
    return switch (source) {
      case "path", "node:path", "path/posix", "node:path/posix" -> Builtin.PATH_MODULE;
      case "prisma/config", "@prisma/config" -> Builtin.PRISMA_CONFIG_MODULE;
      case "url", "node:url" -> Builtin.URL_MODULE;
      case "process", "node:process" -> Builtin.PROCESS;
      default -> new Unknown("the module " + moduleName(source));
    };
  }

  /** A module's name for a reason, unless it does not look like one. */
  private static String moduleName(String source) {
    boolean plain = !source.isEmpty() && source.length() <= 100 && !source.contains("://");
    for (int i = 0; plain && i < source.length(); i++) {
      char c = source.charAt(i);
      plain = Character.isLetterOrDigit(c) || "@/._-:".indexOf(c) >= 0;
    }
    return plain ? source : "a module";
  }

  private JsValue concat(JsValue left, JsValue right) {
    if (left instanceof Unknown) {
      return left;
    }
    if (right instanceof Unknown) {
      return right;
    }
    if (left instanceof Env env) {
      return new Unknown(env.describe());
    }
    if (right instanceof Env env) {
      return new Unknown(env.describe());
    }
    if (left instanceof Text a && right instanceof Text b) {
      if (b.inConfigFolder()) {
        return !a.inConfigFolder() && a.text().isEmpty()
            ? b
            : new Unknown("the config's folder inside a longer string");
      }
      charge(a.text().length() + b.text().length());
      return new Text(a.text() + b.text(), a.inConfigFolder());
    }
    JsValue other = left instanceof Text ? right : left;
    return new Unknown("a + with " + other.describe());
  }

  private static JsValue fallback(JsValue left, JsValue right, boolean nullish) {
    if (left instanceof Env env) {
      return right instanceof Env other
          ? new Unknown(
              "depends on the environment variables " + env.variable() + " and " + other.variable())
          : left; // the variable, with a default
    }
    if (left.equals(Other.NULL) || left.equals(Other.UNDEFINED)) {
      return right;
    }
    if (!nullish) {
      boolean falsy =
          (left instanceof Text text && !text.inConfigFolder() && text.text().isEmpty())
              || (left instanceof Bool bool && !bool.value());
      if (falsy) {
        return right;
      }
      if (left.equals(Other.NUMBER)) {
        return new Unknown("a number with ||");
      }
    }
    return left;
  }

  private static Optional<String> environmentReason(JsValue value) {
    if (value instanceof Env env) {
      return Optional.of(env.describe());
    }
    if (value instanceof Unknown unknown && unknown.reason().startsWith("depends on the env")) {
      return Optional.of(unknown.reason());
    }
    return Optional.empty();
  }

  private void charge(long cost) {
    work += cost;
    if (work > MAX_WORK) {
      throw new Unsupported("values too large to read");
    }
  }

  private static String unexpected(Token token) {
    return "syntax beyond the reader (" + ConfigLexer.describe(token) + ")";
  }

  // ---------------------------------------------------------------- tokens

  private Token tok() {
    return tokAt(pos);
  }

  private Token peek(int ahead) {
    return tokAt(pos + ahead);
  }

  private Token tokAt(int index) {
    return tokens.get(Math.min(index, tokens.size() - 1));
  }

  private int depthAt(int index) {
    return depth[Math.min(index, depth.length - 1)];
  }
}
