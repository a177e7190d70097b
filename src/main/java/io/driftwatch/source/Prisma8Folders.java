package io.driftwatch.source;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.driftwatch.core.prisma.Prisma8Migrations;
import io.driftwatch.core.prisma.SourceLayout;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads a migrations folder in Prisma 8's layout ({@link Prisma8Migrations}): {@code app/} holding
 * migration folders with a {@code migration.json}, and {@code app/refs/*.json}. Only the contract
 * hashes are read ({@code from} and {@code to} of each migration, {@code hash} of each ref), each
 * file and all of them together within a bound, and any other shape is said, not guessed at.
 */
public final class Prisma8Folders {

  /** The folder Prisma 8 keeps the application's migrations in. */
  static final String APP = "app";

  /** Folders of the migrations folder that belong to Prisma 8's layout, not to Prisma Migrate's. */
  public static final Set<String> LAYOUT_FOLDERS = Set.of(APP, "snapshots");

  static final int MAX_JSON_BYTES = 1024 * 1024;
  static final int MAX_MIGRATIONS = 10_000;

  /**
   * All the JSON files read together stay below this: a hostile repository could hold thousands of
   * large ones. Past it, the rest is not read, and that is said.
   */
  static final long MAX_TOTAL_JSON_BYTES = 32L * 1024 * 1024;

  private static final ObjectMapper JSON = new ObjectMapper();

  private final SourceTree tree;
  private final List<String> names = new ArrayList<>();
  private final Map<String, String> refs = new LinkedHashMap<>();
  private final Set<String> hashes = new TreeSet<>();
  private final List<String> notUnderstood = new ArrayList<>();
  private long bytesLeft = MAX_TOTAL_JSON_BYTES;

  private Prisma8Folders(SourceTree tree) {
    this.tree = tree;
  }

  /**
   * The Prisma 8 layout of a migrations folder; empty when it has none ({@code app/} missing, or
   * holding neither {@code refs/} nor a folder with a {@code migration.json}).
   */
  public static Optional<Prisma8Migrations> read(SourceTree tree, String migrations)
      throws IOException {
    String app = SourceTree.join(migrations, APP);
    if (tree.kind(app) != SourceTree.Kind.FOLDER
        || tree.kind(SourceTree.join(app, "migration.sql")) != SourceTree.Kind.MISSING) {
      return Optional.empty();
    }
    return new Prisma8Folders(tree).readApp(app);
  }

  /** The layout with its Prisma 8 part. */
  public static SourceLayout withPrisma8(SourceLayout layout, Optional<Prisma8Migrations> prisma8) {
    return new SourceLayout(
        layout.config(),
        layout.schema(),
        layout.migrations(),
        layout.views(),
        layout.externalTables(),
        layout.externalEnums(),
        layout.shadowDatabase(),
        layout.prismaMajor(),
        layout.prismaVersionBasis(),
        layout.unread(),
        prisma8);
  }

  private Optional<Prisma8Migrations> readApp(String app) throws IOException {
    boolean hasRefs = false;
    for (String name : tree.names(app)) {
      String folder = SourceTree.join(app, name);
      if (name.equals("refs") && tree.kind(folder) == SourceTree.Kind.FOLDER) {
        hasRefs = true;
        readRefs(folder);
        continue;
      }
      String manifest = SourceTree.join(folder, "migration.json");
      if (tree.kind(manifest) != SourceTree.Kind.FILE) {
        continue;
      }
      if (names.size() == MAX_MIGRATIONS) {
        notUnderstood.add("more than " + MAX_MIGRATIONS + " migrations: the rest were not read");
        break;
      }
      names.add(name);
      readManifest(manifest, name);
    }
    if (names.isEmpty() && !hasRefs) {
      return Optional.empty();
    }
    return Optional.of(new Prisma8Migrations(names, refs, hashes, notUnderstood));
  }

  private void readRefs(String folder) throws IOException {
    for (String file : tree.names(folder)) {
      if (!file.endsWith(".json") || file.endsWith(".contract.json")) {
        continue;
      }
      String ref = file.substring(0, file.length() - ".json".length());
      Optional<JsonNode> json = json(SourceTree.join(folder, file));
      if (json.isEmpty()) {
        continue;
      }
      JsonNode hash = json.get().path("hash");
      if (hash.isTextual()) {
        refs.put(ref, hash.asText());
      } else {
        notUnderstood.add("the ref `" + ref + "` has no `hash`");
      }
    }
  }

  private void readManifest(String manifest, String name) throws IOException {
    Optional<JsonNode> json = json(manifest);
    if (json.isEmpty()) {
      return;
    }
    boolean found = false;
    for (String end : new String[] {"from", "to"}) {
      Optional<String> hash = hash(json.get().path(end));
      if (hash.isPresent()) {
        hashes.add(Prisma8Migrations.normalise(hash.get()));
        found |= end.equals("to");
      }
    }
    if (!found) {
      notUnderstood.add("the migration `" + name + "` names no contract hash it goes `to`");
    }
  }

  /** A hash as a string, or as an object holding one ({@code storageHash}, {@code coreHash}…). */
  private static Optional<String> hash(JsonNode node) {
    if (node.isTextual()) {
      return Optional.of(node.asText());
    }
    for (String field : new String[] {"storageHash", "coreHash", "hash"}) {
      if (node.path(field).isTextual()) {
        return Optional.of(node.path(field).asText());
      }
    }
    return Optional.empty();
  }

  /** A JSON file, within its own bound and what is left of all the files' bound. */
  private Optional<JsonNode> json(String path) throws IOException {
    if (bytesLeft < MAX_JSON_BYTES) {
      if (bytesLeft >= 0) {
        notUnderstood.add(
            "the JSON files together exceed "
                + MAX_TOTAL_JSON_BYTES
                + " bytes: `"
                + path
                + "` and those after it were not read");
        bytesLeft = -1;
      }
      return Optional.empty();
    }
    Optional<byte[]> bytes = tree.read(path, MAX_JSON_BYTES);
    if (bytes.isEmpty()) {
      notUnderstood.add("`" + path + "` is not a file of at most " + MAX_JSON_BYTES + " bytes");
      return Optional.empty();
    }
    bytesLeft -= bytes.get().length;
    try {
      return Optional.of(JSON.readTree(bytes.get()));
    } catch (IOException e) {
      notUnderstood.add("`" + path + "` is not JSON");
      return Optional.empty();
    }
  }
}
