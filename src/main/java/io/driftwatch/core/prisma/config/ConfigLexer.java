package io.driftwatch.core.prisma.config;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Splits JavaScript or TypeScript source into tokens in one left-to-right pass, with no regular
 * expressions and no recursion, so hostile input costs time linear in its length. Comments are
 * dropped, strings and template parts decoded. Each token comes with its bracket depth, and each
 * opening bracket with the index of its partner, so the reader can step over whatever it does not
 * understand without parsing it.
 *
 * <p>An unterminated string, template, regular expression or comment, unbalanced brackets, nesting
 * deeper than {@link #MAX_DEPTH} or more than {@link #MAX_TOKENS} tokens make the file unreadable:
 * {@link Lexed#error()}.
 */
final class ConfigLexer {

  static final int MAX_TOKENS = 100_000;
  static final int MAX_DEPTH = 64;

  enum Kind {
    IDENT,
    STRING,
    /** A template literal without substitutions. */
    TEMPLATE,
    /** The text from a template's backquote to its first substitution, which it opens. */
    TEMPLATE_HEAD,
    /** The text between two substitutions: closes one, opens the next. */
    TEMPLATE_MIDDLE,
    /** The text from the last substitution to the closing backquote. */
    TEMPLATE_TAIL,
    NUMBER,
    REGEX,
    PUNCT,
    /** A character the language has no token for here. */
    OTHER,
    EOF
  }

  /**
   * @param text the decoded value for strings and template parts, the source text otherwise
   * @param newlineBefore a line ends between this token and the previous one (or it is the first)
   */
  record Token(Kind kind, String text, int line, boolean newlineBefore) {

    boolean is(String punctuator) {
      return kind == Kind.PUNCT && text.equals(punctuator);
    }

    boolean isWord(String word) {
      return kind == Kind.IDENT && text.equals(word);
    }

    boolean opens() {
      return kind == Kind.TEMPLATE_HEAD
          || kind == Kind.TEMPLATE_MIDDLE
          || is("(")
          || is("[")
          || is("{");
    }

    boolean closes() {
      return kind == Kind.TEMPLATE_MIDDLE
          || kind == Kind.TEMPLATE_TAIL
          || is(")")
          || is("]")
          || is("}");
    }
  }

  /**
   * The tokens, ending with one {@link Kind#EOF}.
   *
   * @param depth for each token, how many brackets are open around it (a bracket itself counts
   *     outside)
   * @param partner for each opening bracket or template part, the index of the token that closes
   *     it; -1 elsewhere
   * @param error why the file cannot be tokenised; then {@code tokens} is empty
   */
  record Lexed(List<Token> tokens, int[] depth, int[] partner, Optional<String> error) {

    static Lexed failed(String error) {
      return new Lexed(List.of(), new int[0], new int[0], Optional.of(error));
    }
  }

  /** Longest first: the lexer takes the first that matches. */
  private static final String[] PUNCTUATORS = {
    ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=", "=>", "==", "!=",
    "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=",
    "**", "<<", ">>", "{", "}", "(", ")", "[", "]", ";", ",", "<", ">", "+", "-", "*", "/", "%",
    "&", "|", "^", "!", "~", "?", ":", "=", ".", "@", "#"
  };

  /** After these words a {@code /} starts a regular expression, not a division. */
  private static final Set<String> REGEX_AFTER_WORDS =
      Set.of(
          "return typeof instanceof in of new delete void throw case do else yield await"
              .split(" "));

  private final String text;
  private final List<Token> tokens = new ArrayList<>();

  /** One entry per open brace: true when it opens a template's substitution. */
  private final Deque<Boolean> braces = new ArrayDeque<>();

  private int offset;
  private int line = 1;
  private boolean newlineBefore = true;
  private String error;

  private ConfigLexer(String text) {
    this.text = text;
  }

  static Lexed lex(String text) {
    ConfigLexer lexer = new ConfigLexer(text);
    lexer.run();
    if (lexer.error != null) {
      return Lexed.failed(lexer.error);
    }
    return lexer.paired();
  }

  private void run() {
    int length = text.length();
    if (text.startsWith("\uFEFF")) {
      offset = 1;
    }
    if (text.startsWith("#!", offset)) {
      lineComment();
    }
    while (offset < length && error == null) {
      if (tokens.size() >= MAX_TOKENS) {
        error = "more than " + MAX_TOKENS + " tokens";
        return;
      }
      char c = text.charAt(offset);
      if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
        lineEnd();
      } else if (isSpace(c)) {
        offset++;
      } else if (c == '/' && charAt(offset + 1) == '/') {
        lineComment();
      } else if (c == '/' && charAt(offset + 1) == '*') {
        blockComment();
      } else if (c == '"' || c == '\'') {
        string(c);
      } else if (c == '`') {
        offset++;
        template(false, line);
      } else if (c == '}' && Boolean.TRUE.equals(braces.peek())) {
        braces.pop();
        offset++;
        template(true, line);
      } else if (isDigit(c) || (c == '.' && isDigit(charAt(offset + 1)))) {
        number();
      } else if (c == '/' && regexAllowed()) {
        regex();
      } else if (isIdentifierStart(text.codePointAt(offset))) {
        word();
      } else {
        punctuator();
      }
    }
    if (error == null) {
      add(Kind.EOF, "", line);
    }
  }

  private void add(Kind kind, String value, int startLine) {
    tokens.add(new Token(kind, value, startLine, newlineBefore));
    newlineBefore = false;
  }

  private char charAt(int index) {
    return index < text.length() ? text.charAt(index) : '\0';
  }

  private void lineEnd() {
    char c = text.charAt(offset);
    offset += c == '\r' && charAt(offset + 1) == '\n' ? 2 : 1;
    line++;
    newlineBefore = true;
  }

  private void lineComment() {
    while (offset < text.length() && !isLineTerminator(text.charAt(offset))) {
      offset++;
    }
  }

  private void blockComment() {
    int startLine = line;
    offset += 2;
    while (offset < text.length()) {
      char c = text.charAt(offset);
      if (c == '*' && charAt(offset + 1) == '/') {
        offset += 2;
        return;
      }
      if (isLineTerminator(c)) {
        lineEnd();
      } else {
        offset++;
      }
    }
    error = "a comment opened at line " + startLine + " is never closed";
  }

  private void string(char quote) {
    int startLine = line;
    StringBuilder value = new StringBuilder();
    offset++;
    while (offset < text.length()) {
      char c = text.charAt(offset);
      if (c == quote) {
        offset++;
        add(Kind.STRING, value.toString(), startLine);
        return;
      }
      if (c == '\\') {
        escape(value);
      } else if (c == '\n' || c == '\r') {
        break;
      } else {
        value.append(c);
        offset++;
      }
    }
    error = "a string at line " + startLine + " is never closed";
  }

  /** Reads the template text after a {@code `} or after the {@code }} that ends a substitution. */
  private void template(boolean continued, int startLine) {
    StringBuilder value = new StringBuilder();
    while (offset < text.length()) {
      char c = text.charAt(offset);
      if (c == '`') {
        offset++;
        add(continued ? Kind.TEMPLATE_TAIL : Kind.TEMPLATE, value.toString(), startLine);
        return;
      }
      if (c == '$' && charAt(offset + 1) == '{') {
        offset += 2;
        add(continued ? Kind.TEMPLATE_MIDDLE : Kind.TEMPLATE_HEAD, value.toString(), startLine);
        braces.push(Boolean.TRUE);
        return;
      }
      if (c == '\\') {
        escape(value);
      } else if (isLineTerminator(c)) {
        value.append('\n'); // a line end inside a template does not end a statement
        offset += c == '\r' && charAt(offset + 1) == '\n' ? 2 : 1;
        line++;
      } else {
        value.append(c);
        offset++;
      }
    }
    error = "a template literal at line " + startLine + " is never closed";
  }

  /** Decodes one escape sequence, {@code offset} on its backslash. */
  private void escape(StringBuilder value) {
    char c = charAt(offset + 1);
    offset += 2;
    switch (c) {
      case 'n' -> value.append('\n');
      case 't' -> value.append('\t');
      case 'r' -> value.append('\r');
      case 'b' -> value.append('\b');
      case 'f' -> value.append('\f');
      case 'v' -> value.append('\u000B');
      case '0' -> value.append('\0');
      case 'x' -> hexEscape(value, 2);
      case 'u' -> {
        if (charAt(offset) == '{') {
          braceEscape(value);
        } else {
          hexEscape(value, 4);
        }
      }
      case '\r' -> {
        if (charAt(offset) == '\n') {
          offset++;
        }
        line++;
      }
      case '\n', '\u2028', '\u2029' -> line++;
      case '\0' -> {
        if (offset > text.length()) {
          offset = text.length(); // a backslash at the very end: the caller reports the string
        } else {
          value.append('\0');
        }
      }
      default -> value.append(c);
    }
  }

  private void hexEscape(StringBuilder value, int digits) {
    int code = 0;
    for (int i = 0; i < digits; i++) {
      int digit = Character.digit(charAt(offset + i), 16);
      if (digit < 0) {
        value.append(digits == 2 ? 'x' : 'u'); // not an escape after all: keep it as written
        return;
      }
      code = code * 16 + digit;
    }
    offset += digits;
    value.append((char) code);
  }

  private void braceEscape(StringBuilder value) {
    int code = 0;
    int i = offset + 1;
    while (i < text.length() && i - offset <= 7 && Character.digit(text.charAt(i), 16) >= 0) {
      code = code * 16 + Character.digit(text.charAt(i), 16);
      i++;
    }
    if (charAt(i) != '}' || i == offset + 1 || code > Character.MAX_CODE_POINT) {
      value.append('u');
      return;
    }
    offset = i + 1;
    value.appendCodePoint(code);
  }

  private void number() {
    int start = offset;
    boolean hex = text.charAt(offset) == '0' && (charAt(offset + 1) | 0x20) == 'x';
    while (offset < text.length()) {
      char c = text.charAt(offset);
      if (Character.isLetterOrDigit(c) || c == '_' || c == '.') {
        offset++;
      } else if ((c == '+' || c == '-') && !hex && (text.charAt(offset - 1) | 0x20) == 'e') {
        offset++;
      } else {
        break;
      }
    }
    add(Kind.NUMBER, text.substring(start, offset), line);
  }

  private boolean regexAllowed() {
    if (tokens.isEmpty()) {
      return true;
    }
    Token last = tokens.get(tokens.size() - 1);
    return switch (last.kind()) {
      case PUNCT ->
          !last.is(")") && !last.is("]") && !last.is("}") && !last.is("++") && !last.is("--");
      case IDENT -> REGEX_AFTER_WORDS.contains(last.text());
      case TEMPLATE_HEAD, TEMPLATE_MIDDLE -> true;
      default -> false;
    };
  }

  private void regex() {
    int start = offset;
    boolean inClass = false;
    offset++;
    while (true) {
      char c = charAt(offset);
      if (offset >= text.length() || isLineTerminator(c)) {
        error = "a regular expression at line " + line + " is never closed";
        return;
      }
      offset++;
      if (c == '\\') {
        if (offset < text.length() && !isLineTerminator(text.charAt(offset))) {
          offset++;
        }
      } else if (c == '[') {
        inClass = true;
      } else if (c == ']') {
        inClass = false;
      } else if (c == '/' && !inClass) {
        break;
      }
    }
    while (offset < text.length() && Character.isLetterOrDigit(text.charAt(offset))) {
      offset++;
    }
    add(Kind.REGEX, text.substring(start, offset), line);
  }

  private void word() {
    int start = offset;
    while (offset < text.length()) {
      int codePoint = text.codePointAt(offset);
      if (!isIdentifierPart(codePoint)) {
        break;
      }
      offset += Character.charCount(codePoint);
    }
    add(Kind.IDENT, text.substring(start, offset), line);
  }

  private void punctuator() {
    for (String punctuator : PUNCTUATORS) {
      if (text.startsWith(punctuator, offset)) {
        if (punctuator.equals("?.") && isDigit(charAt(offset + 2))) {
          continue; // a ? b ?.5 : c
        }
        offset += punctuator.length();
        if (punctuator.equals("{")) {
          braces.push(Boolean.FALSE);
        } else if (punctuator.equals("}") && !braces.isEmpty()) {
          braces.pop();
        }
        add(Kind.PUNCT, punctuator, line);
        return;
      }
    }
    int codePoint = text.codePointAt(offset);
    offset += Character.charCount(codePoint);
    add(Kind.OTHER, new String(Character.toChars(codePoint)), line);
  }

  /** Computes depths and partners; fails on unbalanced or too deeply nested brackets. */
  private Lexed paired() {
    int count = tokens.size();
    int[] depth = new int[count];
    int[] partner = new int[count];
    Arrays.fill(partner, -1);
    int[] open = new int[MAX_DEPTH + 1];
    int top = 0;
    for (int i = 0; i < count; i++) {
      Token token = tokens.get(i);
      if (token.closes()) {
        if (top == 0) {
          return Lexed.failed(describe(token) + " at line " + token.line() + " closes nothing");
        }
        Token opener = tokens.get(open[top - 1]);
        if (!pairs(opener, token)) {
          return Lexed.failed(
              describe(token)
                  + " at line "
                  + token.line()
                  + " does not close "
                  + describe(opener)
                  + " opened at line "
                  + opener.line());
        }
        partner[open[--top]] = i;
      }
      depth[i] = top;
      if (token.opens()) {
        if (top == MAX_DEPTH) {
          return Lexed.failed(
              "brackets nested deeper than " + MAX_DEPTH + " levels at line " + token.line());
        }
        open[top++] = i;
      }
    }
    if (top > 0) {
      Token opener = tokens.get(open[top - 1]);
      return Lexed.failed(
          describe(opener) + " opened at line " + opener.line() + " is never closed");
    }
    return new Lexed(List.copyOf(tokens), depth, partner, Optional.empty());
  }

  private static boolean pairs(Token opener, Token closer) {
    if (closer.kind() == Kind.TEMPLATE_MIDDLE || closer.kind() == Kind.TEMPLATE_TAIL) {
      return opener.kind() == Kind.TEMPLATE_HEAD || opener.kind() == Kind.TEMPLATE_MIDDLE;
    }
    return (opener.is("(") && closer.is(")"))
        || (opener.is("[") && closer.is("]"))
        || (opener.is("{") && closer.is("}"));
  }

  /** A token for messages: never a string's text, never a long name. */
  static String describe(Token token) {
    return switch (token.kind()) {
      case STRING -> "a string";
      case TEMPLATE, TEMPLATE_HEAD, TEMPLATE_MIDDLE, TEMPLATE_TAIL -> "a template literal";
      case NUMBER -> "a number";
      case REGEX -> "a regular expression";
      case EOF -> "the end of the file";
      case IDENT -> "`" + shorten(token.text()) + "`";
      case PUNCT, OTHER -> "`" + token.text() + "`";
    };
  }

  /** A name cut to a length fit for a message. */
  static String shorten(String name) {
    return name.length() <= 40 ? name : name.substring(0, 40) + "…";
  }

  private static boolean isLineTerminator(char c) {
    return c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029';
  }

  private static boolean isSpace(char c) {
    return c == ' '
        || c == '\t'
        || c == '\u000B'
        || c == '\f'
        || c == '\u00A0'
        || c == '\uFEFF'
        || Character.getType(c) == Character.SPACE_SEPARATOR;
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isIdentifierStart(int codePoint) {
    return codePoint == '$' || codePoint == '_' || Character.isUnicodeIdentifierStart(codePoint);
  }

  private static boolean isIdentifierPart(int codePoint) {
    return codePoint == '$'
        || codePoint == '\u200C'
        || codePoint == '\u200D'
        || (Character.isUnicodeIdentifierPart(codePoint)
            && !Character.isIdentifierIgnorable(codePoint));
  }
}
