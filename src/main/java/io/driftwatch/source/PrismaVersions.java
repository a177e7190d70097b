package io.driftwatch.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.core.prisma.config.PrismaConfig;
import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells Prisma 6 from 7 by what the project shows, and says which it assumed: the version the
 * nearest lock file resolves, else the range the nearest {@code package.json} asks for, else a
 * config that sets the datasource (Prisma 7 reads the URL there), else 6.
 */
final class PrismaVersions {

  /** The Prisma major version the commands are written for, and what told it. */
  record Assumed(int major, String basis) {}

  static final int MAX_PACKAGE_JSON_BYTES = 1024 * 1024;

  /** A lock file larger than this is not read: the version then comes from package.json. */
  static final int MAX_LOCK_FILE_BYTES = 16 * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern MAJOR =
      Pattern.compile("(?<![0-9.])([0-9]{1,3})(?:\\.|$|x|\\*|\\s)");

  private PrismaVersions() {}

  /**
   * @param from the folder to look in first (the config's, else the source's)
   * @param top the highest folder to look in: the nearest package.json may be above {@code from}
   */
  static Assumed assume(SourceTree tree, String from, String top, Optional<PrismaConfig> config) {
    String folder = from;
    while (true) {
      try {
        Optional<Assumed> found = fromPackage(tree, folder);
        if (found.isPresent()) {
          return found.get();
        }
      } catch (IOException | RuntimeException e) {
        // an unreadable package.json tells nothing: look further
      }
      if (folder.equals(top) || folder.isEmpty()) {
        break;
      }
      folder = SourceTree.parent(folder);
    }
    if (config.isPresent() && config.get().hasDatasource()) {
      return new Assumed(
          7, "the Prisma config sets the datasource (Prisma 7 reads the database URL there)");
    }
    return new Assumed(
        6,
        config.isPresent()
            ? "assumed: no package.json names prisma, and the config sets no datasource"
            : "assumed: no package.json names prisma, and there is no Prisma config");
  }

  /** What the lock file, then the package.json, of one folder say; empty when neither names it. */
  private static Optional<Assumed> fromPackage(SourceTree tree, String folder) throws IOException {
    String packageJson = SourceTree.join(folder, "package.json");
    if (tree.kind(packageJson) != SourceTree.Kind.FILE) {
      return Optional.empty();
    }
    String lock = SourceTree.join(folder, "package-lock.json");
    Optional<String> locked =
        tree.read(lock, MAX_LOCK_FILE_BYTES).flatMap(PrismaVersions::lockedVersion);
    if (locked.isPresent()) {
      Optional<Integer> major = major(locked.get());
      if (major.isPresent()) {
        return Optional.of(
            new Assumed(clamp(major.get()), "`" + lock + "` resolves prisma " + locked.get()));
      }
    }
    Optional<byte[]> bytes = tree.read(packageJson, MAX_PACKAGE_JSON_BYTES);
    if (bytes.isEmpty()) {
      return Optional.empty();
    }
    JsonNode root = JSON.readTree(bytes.get());
    for (String section : new String[] {"dependencies", "devDependencies"}) {
      JsonNode range = root.path(section).path("prisma");
      if (range.isTextual()) {
        Optional<Integer> major = major(range.asText());
        if (major.isPresent()) {
          return Optional.of(
              new Assumed(
                  clamp(major.get()),
                  "`"
                      + packageJson
                      + "` asks for prisma "
                      + range.asText()
                      + " ("
                      + section
                      + ")"));
        }
      }
    }
    return Optional.empty();
  }

  /**
   * {@code packages["node_modules/prisma"].version} of an npm lock file, read as a stream: a lock
   * file can be megabytes, and only one value of it matters.
   */
  private static Optional<String> lockedVersion(byte[] lock) {
    try (JsonParser parser = new JsonFactory().createParser(lock)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        return Optional.empty();
      }
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (!field.equals("packages") || parser.currentToken() != JsonToken.START_OBJECT) {
          parser.skipChildren();
          continue;
        }
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          if (name.equals("node_modules/prisma")
              && parser.currentToken() == JsonToken.START_OBJECT) {
            JsonNode entry = JSON.readTree(parser);
            return entry.path("version").isTextual()
                ? Optional.of(entry.path("version").asText())
                : Optional.empty();
          }
          parser.skipChildren();
        }
        return Optional.empty();
      }
      return Optional.empty();
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * The major version a range or version starts with: {@code ^7.1.0}, {@code ~6.19}, {@code 7.x}.
   */
  static Optional<Integer> major(String range) {
    Matcher matcher = MAJOR.matcher(range.trim());
    return matcher.find() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
  }

  /** Prisma 5 and older take the commands 6 takes. */
  private static int clamp(int major) {
    return Math.max(6, major);
  }
}
