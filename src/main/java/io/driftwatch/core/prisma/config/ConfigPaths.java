package io.driftwatch.core.prisma.config;

import io.driftwatch.core.prisma.config.JsValue.Text;
import io.driftwatch.core.prisma.config.JsValue.Unknown;
import java.util.ArrayList;
import java.util.List;

/**
 * Node's POSIX {@code path.join}, {@code path.resolve}, {@code path.normalize} and {@code
 * path.dirname} over the strings of a config, where the config's folder ({@code __dirname}) is a
 * known anchor rather than an absolute path. Plain string work: linear, no regular expressions.
 */
final class ConfigPaths {

  private ConfigPaths() {}

  /**
   * Folds {@code .}, {@code ..} and empty segments: {@code ./a//b/./c} is {@code a/b/c}, {@code
   * a/../b} is {@code b}; a relative path keeps the {@code ..} it cannot fold ({@code ../x}); an
   * absolute one stays absolute and stops at the root. The folder itself is {@code ""}.
   */
  static String normalise(String path) {
    boolean absolute = path.startsWith("/");
    List<String> segments = new ArrayList<>();
    int start = 0;
    for (int i = 0; i <= path.length(); i++) {
      if (i < path.length() && path.charAt(i) != '/') {
        continue;
      }
      String segment = path.substring(start, i);
      start = i + 1;
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      if (!segment.equals("..")) {
        segments.add(segment);
      } else if (!segments.isEmpty() && !segments.get(segments.size() - 1).equals("..")) {
        segments.remove(segments.size() - 1);
      } else if (!absolute) {
        segments.add("..");
      }
    }
    String joined = String.join("/", segments);
    return absolute ? "/" + joined : joined;
  }

  /**
   * The path a string names relative to the config's folder, normalised, or {@code null} when the
   * string glues a name onto the folder's own ({@code __dirname + "x"}).
   */
  static String relativeToConfigFolder(Text text) {
    if (!text.inConfigFolder()) {
      return normalise(text.text());
    }
    if (!text.text().isEmpty() && !text.text().startsWith("/")) {
      return null;
    }
    return normalise(withoutLeadingSlashes(text.text()));
  }

  static JsValue join(List<Text> parts) {
    StringBuilder joined = new StringBuilder();
    boolean inConfigFolder = false;
    boolean any = false;
    for (Text part : parts) {
      if (part.inConfigFolder()) {
        if (any) {
          return new Unknown("path.join() with the config's folder after another segment");
        }
        inConfigFolder = true;
        any = true;
        joined.append(part.text());
      } else if (!part.text().isEmpty()) {
        if (any) {
          joined.append('/');
        }
        joined.append(part.text());
        any = true;
      }
    }
    if (inConfigFolder) {
      return Text.inConfigFolder(normalise(withoutLeadingSlashes(joined.toString())));
    }
    String normalised = normalise(joined.toString());
    return new Text(normalised.isEmpty() ? "." : normalised, false);
  }

  /**
   * Right to left until an absolute path; when there is none, the working directory, which is the
   * config's folder: the Prisma CLI looks for {@code prisma.config.ts} in its working directory.
   */
  static JsValue resolve(List<Text> parts) {
    String resolved = "";
    for (int i = parts.size() - 1; i >= 0; i--) {
      Text part = parts.get(i);
      if (part.inConfigFolder()) {
        return Text.inConfigFolder(normalise(withoutLeadingSlashes(part.text() + "/" + resolved)));
      }
      if (part.text().isEmpty()) {
        continue;
      }
      resolved = resolved.isEmpty() ? part.text() : part.text() + "/" + resolved;
      if (part.text().startsWith("/")) {
        return new Text(normalise(resolved), false);
      }
    }
    return Text.inConfigFolder(normalise(resolved));
  }

  static JsValue normalize(Text path) {
    if (path.inConfigFolder()) {
      String relative = relativeToConfigFolder(path);
      return relative == null
          ? new Unknown("path.normalize() of a name glued onto the config's folder")
          : Text.inConfigFolder(relative);
    }
    String normalised = normalise(path.text());
    return new Text(normalised.isEmpty() ? "." : normalised, false);
  }

  static JsValue dirname(Text path) {
    if (path.inConfigFolder()) {
      String relative = relativeToConfigFolder(path);
      if (relative == null) {
        return new Unknown("path.dirname() of a name glued onto the config's folder");
      }
      return Text.inConfigFolder(relative.isEmpty() ? ".." : normalise(relative + "/.."));
    }
    String text = path.text();
    int end = text.length();
    while (end > 1 && text.charAt(end - 1) == '/') {
      end--;
    }
    int slash = text.lastIndexOf('/', end - 1);
    if (slash < 0) {
      return new Text(".", false);
    }
    return new Text(slash == 0 ? "/" : text.substring(0, slash), false);
  }

  private static String withoutLeadingSlashes(String text) {
    int start = 0;
    while (start < text.length() && text.charAt(start) == '/') {
      start++;
    }
    return text.substring(start);
  }
}
