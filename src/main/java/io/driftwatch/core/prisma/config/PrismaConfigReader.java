package io.driftwatch.core.prisma.config;

import io.driftwatch.core.prisma.config.ConfigLexer.Lexed;
import io.driftwatch.core.prisma.config.JsValue.Arr;
import io.driftwatch.core.prisma.config.JsValue.Bool;
import io.driftwatch.core.prisma.config.JsValue.Env;
import io.driftwatch.core.prisma.config.JsValue.Obj;
import io.driftwatch.core.prisma.config.JsValue.Other;
import io.driftwatch.core.prisma.config.JsValue.Text;
import io.driftwatch.core.prisma.config.JsValue.Unknown;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads Prisma 7's {@code prisma.config.ts} (or {@code .mts}, {@code .cts}, {@code .js}, {@code
 * .mjs}, {@code .cjs}) without running it.
 *
 * <p><b>Why hand-written.</b> The config is TypeScript, and a watched repository is hostile input:
 * the service never runs its code. No well-kept Java library reads TypeScript without executing it,
 * so this is a small hand-written lexer ({@link ConfigLexer}) and recursive-descent reader ({@link
 * ConfigParser}) of the tiny subset of expressions configs are written in:
 *
 * <ul>
 *   <li>{@code export default defineConfig({...})}, {@code export default {...} satisfies
 *       PrismaConfig} (or {@code as}), {@code const config = ...; export default config}, {@code
 *       export { config as default }}, {@code module.exports = ...}, {@code export = ...};
 *   <li>object and array literals with quoted or computed-from-a-constant keys, shorthand
 *       properties and spreads of objects written in the file; duplicated keys, the last wins;
 *   <li>strings, template literals, {@code +} between strings, top-level constants;
 *   <li>{@code path.join}, {@code path.resolve}, {@code path.normalize}, {@code path.dirname}
 *       (imported as {@code path} or by name from {@code path} or {@code node:path}, or {@code
 *       require}d), {@code __dirname}, {@code import.meta.dirname}, {@code
 *       path.dirname(fileURLToPath(import.meta.url))};
 *   <li>{@code env("X")}, {@code env<T>("X")}, {@code process.env.X}, {@code process.env["X"]},
 *       with {@code ?? default} or {@code || default};
 *   <li>TypeScript annotations, {@code as}, {@code satisfies}, {@code !}, comments, trailing
 *       commas.
 * </ul>
 *
 * Anything else (a function call, a conditional, a value that depends on the environment where a
 * path is needed, a spread of something unknown) is reported in {@link PrismaConfig#unread()},
 * never guessed. Paths are relative to the config's folder; the working directory, for {@code
 * path.resolve("x")} or {@code process.cwd()}, is taken as that folder, because the Prisma CLI
 * looks for the config in its working directory. Changes made through calls ({@code Object.assign},
 * {@code push}) are not seen.
 *
 * <p><b>Total.</b> {@link #read} never throws: at most {@link #MAX_BYTES} are read, at most {@link
 * ConfigLexer#MAX_TOKENS} tokens, brackets nested at most {@link ConfigLexer#MAX_DEPTH} deep
 * (recursion happens only through brackets); lexing is one linear pass without regular expressions,
 * and the reader never steps back more than a few tokens.
 *
 * <p>A URL written in the file is never kept, not even in a reason: it may hold a password.
 */
public final class PrismaConfigReader {

  public static final int MAX_BYTES = 256 * 1024;

  private PrismaConfigReader() {}

  /**
   * Never throws.
   *
   * @param text the file's content
   * @param fileName e.g. {@code prisma.config.ts}, for messages only
   */
  public static PrismaConfig read(String text, String fileName) {
    String name = fileName == null || fileName.isBlank() ? "the config file" : fileName;
    try {
      return readChecked(text == null ? "" : text, name);
    } catch (RuntimeException e) { // a bug here must cost one unread config, not an audit
      return PrismaConfig.unreadable(
          name
              + " could not be read (an error of the reader: "
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  private static PrismaConfig readChecked(String text, String name) {
    if (text.length() > MAX_BYTES) {
      return PrismaConfig.unreadable(name + " is larger than " + MAX_BYTES + " bytes");
    }
    long bytes = utf8Length(text);
    if (bytes > MAX_BYTES) {
      return PrismaConfig.unreadable(
          name + " is larger than " + MAX_BYTES + " bytes (" + bytes + " bytes)");
    }
    Lexed lexed = ConfigLexer.lex(text);
    if (lexed.error().isPresent()) {
      return PrismaConfig.unreadable(name + " could not be read: " + lexed.error().get());
    }
    Optional<JsValue> exported = ConfigParser.exportedValue(lexed);
    if (exported.isEmpty()) {
      return PrismaConfig.unreadable(
          name + " has no `export default` or `module.exports` that could be read");
    }
    if (!(exported.get() instanceof Obj config)) {
      return PrismaConfig.unreadable(
          "the default export of "
              + name
              + " is not an object written in the file: "
              + exported.get().describe());
    }
    return fromConfig(config);
  }

  private static PrismaConfig fromConfig(Obj config) {
    List<UnreadKey> unread = new ArrayList<>();
    unknowable(config, UnreadKey.WHOLE_CONFIG, unread);
    Optional<ConfigValue> schema = path(config, "schema", "schema", unread);
    Optional<ConfigValue> migrations =
        section(config, "migrations", unread)
            .flatMap(section -> path(section, "path", "migrations.path", unread));
    Optional<ConfigValue> views =
        section(config, "views", unread)
            .flatMap(section -> path(section, "path", "views.path", unread));
    List<String> tables =
        section(config, "tables", unread)
            .map(section -> names(section, "external", "tables.external", unread))
            .orElse(List.of());
    List<String> enums =
        section(config, "enums", unread)
            .map(section -> names(section, "external", "enums.external", unread))
            .orElse(List.of());
    boolean externalTables =
        section(config, "experimental", unread)
            .map(section -> flag(section, "externalTables", "experimental.externalTables", unread))
            .orElse(false);
    Optional<Obj> datasource = section(config, "datasource", unread);
    Optional<ConfigValue> url = datasource.flatMap(d -> url(d, "url", "datasource.url", unread));
    Optional<ConfigValue> shadow =
        datasource.flatMap(
            d -> url(d, "shadowDatabaseUrl", "datasource.shadowDatabaseUrl", unread));
    return new PrismaConfig(
        schema,
        migrations,
        views,
        tables,
        enums,
        externalTables,
        url,
        shadow,
        unread,
        Optional.empty());
  }

  /** The value of a key, or empty when absent or {@code undefined}. */
  private static Optional<JsValue> value(Obj object, String key) {
    JsValue value = object.entries().get(key);
    return value == null || value.equals(Other.UNDEFINED) ? Optional.empty() : Optional.of(value);
  }

  private static Optional<Obj> section(Obj config, String key, List<UnreadKey> unread) {
    Optional<JsValue> value = value(config, key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get() instanceof Obj section) {
      unknowable(section, key, unread);
      return Optional.of(section);
    }
    unread.add(new UnreadKey(key, notA(value.get(), "an object")));
    return Optional.empty();
  }

  private static void unknowable(Obj object, String key, List<UnreadKey> unread) {
    object.unknowable().stream()
        .distinct()
        .forEach(reason -> unread.add(new UnreadKey(key, reason)));
  }

  private static Optional<ConfigValue> path(
      Obj object, String key, String keyPath, List<UnreadKey> unread) {
    Optional<JsValue> value = value(object, key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get() instanceof Text text) {
      String relative = ConfigPaths.relativeToConfigFolder(text);
      if (relative == null) {
        unread.add(new UnreadKey(keyPath, "a name glued onto the config's folder"));
      } else if (!text.inConfigFolder() && text.text().isEmpty()) {
        unread.add(new UnreadKey(keyPath, "an empty string"));
      } else {
        return Optional.of(new ConfigValue.Path(relative));
      }
      return Optional.empty();
    }
    unread.add(new UnreadKey(keyPath, notA(value.get(), "a string")));
    return Optional.empty();
  }

  private static Optional<ConfigValue> url(
      Obj object, String key, String keyPath, List<UnreadKey> unread) {
    Optional<JsValue> value = value(object, key);
    if (value.isEmpty()) {
      return Optional.empty();
    }
    if (value.get() instanceof Text) {
      return Optional.of(new ConfigValue.Literal()); // its text is not kept
    }
    if (value.get() instanceof Env env) {
      return Optional.of(new ConfigValue.FromEnvironment(env.variable()));
    }
    unread.add(new UnreadKey(keyPath, notA(value.get(), "a string")));
    return Optional.empty();
  }

  private static List<String> names(
      Obj object, String key, String keyPath, List<UnreadKey> unread) {
    Optional<JsValue> value = value(object, key);
    if (value.isEmpty()) {
      return List.of();
    }
    if (!(value.get() instanceof Arr array)) {
      unread.add(new UnreadKey(keyPath, notA(value.get(), "an array of strings")));
      return List.of();
    }
    List<String> names = new ArrayList<>();
    String problem = null;
    for (JsValue element : array.elements()) {
      if (element instanceof Text text && !text.inConfigFolder()) {
        names.add(text.text());
      } else if (problem == null && !element.equals(Other.HOLE)) {
        problem = "an element: " + element.describe();
      }
    }
    if (problem != null) {
      unread.add(new UnreadKey(keyPath, problem));
    }
    return names;
  }

  private static boolean flag(Obj object, String key, String keyPath, List<UnreadKey> unread) {
    Optional<JsValue> value = value(object, key);
    if (value.isEmpty()) {
      return false;
    }
    if (value.get() instanceof Bool bool) {
      return bool.value();
    }
    unread.add(new UnreadKey(keyPath, notA(value.get(), "a boolean")));
    return false;
  }

  /** Why a value is not of the kind a key needs: the unknown's own reason, or what it is. */
  private static String notA(JsValue value, String wanted) {
    if (value instanceof Unknown || value instanceof Env) {
      return value.describe();
    }
    return value.describe() + ", not " + wanted;
  }

  private static long utf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
