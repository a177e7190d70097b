package io.driftwatch.core.prisma.config;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What an expression of the config evaluates to, as far as the reader can tell without running it.
 * Objects and arrays are mutable and compared by identity, as in JavaScript, so an assignment to
 * {@code config.schema} is seen through every name that holds the object. {@link #describe()} says
 * what a value is for a reason, and never gives a string's text.
 */
sealed interface JsValue {

  String describe();

  /**
   * A string.
   *
   * @param inConfigFolder the string starts with the config folder's absolute path ({@code
   *     __dirname}) and {@code text} is what follows it: {@code ""} or {@code /...}
   */
  record Text(String text, boolean inConfigFolder) implements JsValue {

    static final Text CONFIG_FOLDER = new Text("", true);

    /** The path {@code relative} (normalised) under the config's folder. */
    static Text inConfigFolder(String relative) {
      return relative.isEmpty() ? CONFIG_FOLDER : new Text("/" + relative, true);
    }

    @Override
    public String describe() {
      return inConfigFolder ? "a path in the config's folder" : "a string";
    }
  }

  /** The value of an environment variable when Prisma runs. */
  record Env(String variable) implements JsValue {
    @Override
    public String describe() {
      return "depends on the environment variable " + variable;
    }
  }

  record Bool(boolean value) implements JsValue {
    @Override
    public String describe() {
      return String.valueOf(value);
    }
  }

  /** A value known to be of a kind the config has no use for: a number, null, undefined. */
  record Other(String description) implements JsValue {

    static final Other NUMBER = new Other("a number");
    static final Other NULL = new Other("null");
    static final Other UNDEFINED = new Other("undefined");
    static final Other HOLE = new Other("an empty array slot");

    @Override
    public String describe() {
      return description;
    }
  }

  /** A value that cannot be known without running the file. */
  record Unknown(String reason) implements JsValue {
    @Override
    public String describe() {
      return reason;
    }
  }

  /** An object literal: its keys in order, and why others may be set (spreads, computed keys). */
  final class Obj implements JsValue {

    private final Map<String, JsValue> entries = new LinkedHashMap<>();
    private final List<String> unknowable = new ArrayList<>();

    Map<String, JsValue> entries() {
      return entries;
    }

    /** Reasons keys beyond {@link #entries()} may be set, e.g. {@code a spread (...base)}. */
    List<String> unknowable() {
      return unknowable;
    }

    @Override
    public String describe() {
      return "an object";
    }

    @Override
    public String toString() {
      return "Obj" + entries.keySet(); // keys only: values may hold the object itself
    }
  }

  final class Arr implements JsValue {

    private final List<JsValue> elements;

    Arr(List<JsValue> elements) {
      this.elements = elements;
    }

    List<JsValue> elements() {
      return elements;
    }

    @Override
    public String describe() {
      return "an array";
    }

    @Override
    public String toString() {
      return "Arr[" + elements.size() + "]";
    }
  }

  /** What the reader knows by name: Node's path module, process.env, Prisma's helpers. */
  enum Builtin implements JsValue {
    PATH_MODULE("the module path"),
    PATH_JOIN("path.join"),
    PATH_RESOLVE("path.resolve"),
    PATH_NORMALIZE("path.normalize"),
    PATH_DIRNAME("path.dirname"),
    PROCESS("process"),
    PROCESS_ENV("process.env"),
    PROCESS_CWD("process.cwd"),
    IMPORT_META("import.meta"),
    IMPORT_META_URL("import.meta.url"),
    CONFIG_FILE("the config file's own path"),
    PRISMA_CONFIG_MODULE("the module prisma/config"),
    DEFINE_CONFIG("defineConfig"),
    ENV("env"),
    URL_MODULE("the module url"),
    FILE_URL_TO_PATH("fileURLToPath"),
    REQUIRE("require");

    private final String display;

    Builtin(String display) {
      this.display = display;
    }

    String display() {
      return display;
    }

    @Override
    public String describe() {
      return display;
    }
  }
}
