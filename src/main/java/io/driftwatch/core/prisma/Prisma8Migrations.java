package io.driftwatch.core.prisma;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A migrations folder in Prisma 8's layout, as far as driftwatch reads it: {@code
 * app/<YYYYMMDDTHHMM>_<slug>/} folders (each a {@code migration.json}, {@code ops.json} and {@code
 * migration.ts}) and the environment refs {@code app/refs/<name>.json}. The history is a graph of
 * contract hashes: each migration goes from one hash to another, each ref points at one. These
 * formats may still change before 8.0, so only those fields are read, and what was not understood
 * is said.
 *
 * @param migrations the migration folders under {@code app/}, in name order
 * @param refs each ref's contract hash, by ref name
 * @param hashes every contract hash a migration goes from or to (normalised: see {@link
 *     #normalise})
 * @param notUnderstood what could not be read, in words
 */
public record Prisma8Migrations(
    List<String> migrations,
    Map<String, String> refs,
    Set<String> hashes,
    List<String> notUnderstood) {

  public Prisma8Migrations {
    migrations = List.copyOf(migrations);
    refs = java.util.Collections.unmodifiableMap(new TreeMap<>(refs));
    hashes = java.util.Collections.unmodifiableSet(new TreeSet<>(hashes));
    notUnderstood = List.copyOf(notUnderstood);
  }

  /**
   * A contract hash as written in either place: the database's marker and the contract write {@code
   * sha256:<hex>}, refs the bare hex; compared lower case, without the prefix.
   */
  public static String normalise(String hash) {
    Objects.requireNonNull(hash, "hash");
    String trimmed = hash.trim().toLowerCase(java.util.Locale.ROOT);
    return trimmed.startsWith("sha256:") ? trimmed.substring("sha256:".length()) : trimmed;
  }

  /** Whether a ref or a migration of the graph produces this contract hash. */
  public boolean produces(String hash) {
    String wanted = normalise(hash);
    return hashes.contains(wanted)
        || refs.values().stream().map(Prisma8Migrations::normalise).anyMatch(wanted::equals);
  }
}
