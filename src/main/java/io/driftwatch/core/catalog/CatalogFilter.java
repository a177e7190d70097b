package io.driftwatch.core.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The objects an environment ignores, from glob patterns: {@code public.audit_*} (a schema and a
 * name), {@code *.tmp_*}, or {@code tmp_*} (a name in any schema). {@code *} stands for any run of
 * characters, {@code ?} for one; matching is case-sensitive, like quoted identifiers. The schema is
 * what comes before the first dot. Prisma's {@code _prisma_migrations} is always ignored, in every
 * schema.
 */
public final class CatalogFilter implements Predicate<QualifiedName> {

  public static final String PRISMA_MIGRATIONS = "_prisma_migrations";

  private final List<String> globs;
  private final List<Glob> compiled;

  private record Glob(int[] schema, int[] name) {

    boolean matches(QualifiedName candidate) {
      return (schema == null || matches(schema, candidate.schema().codePoints().toArray()))
          && matches(name, candidate.name().codePoints().toArray());
    }

    /**
     * Whether the glob (code points, {@code *} and {@code ?} wild) matches the whole text. The
     * two-pointer walk that goes back only to the last {@code *}: at most glob × text steps.
     * Hand-written because the regular expression a glob translates to ({@code .*a.*a.*b})
     * backtracks exponentially in its stars: seven of them took 37 seconds on one 63-character
     * table name.
     */
    static boolean matches(int[] glob, int[] text) {
      int g = 0;
      int t = 0;
      int star = -1;
      int resume = 0;
      while (t < text.length) {
        if (g < glob.length && glob[g] != '*' && (glob[g] == '?' || glob[g] == text[t])) {
          g++;
          t++;
        } else if (g < glob.length && glob[g] == '*') {
          star = g++;
          resume = t;
        } else if (star >= 0) {
          g = star + 1;
          t = ++resume;
        } else {
          return false;
        }
      }
      while (g < glob.length && glob[g] == '*') {
        g++;
      }
      return g == glob.length;
    }
  }

  private CatalogFilter(List<String> globs) {
    this.globs = List.copyOf(globs);
    List<Glob> patterns = new ArrayList<>();
    patterns.add(new Glob(null, PRISMA_MIGRATIONS.codePoints().toArray()));
    for (String glob : this.globs) {
      patterns.add(compile(glob));
    }
    this.compiled = List.copyOf(patterns);
  }

  /** A filter that ignores {@code _prisma_migrations} and what the globs match. */
  public static CatalogFilter of(Collection<String> globs) {
    return new CatalogFilter(List.copyOf(Objects.requireNonNull(globs, "globs")));
  }

  /** A filter that ignores {@code _prisma_migrations} only. */
  public static CatalogFilter prismaOnly() {
    return new CatalogFilter(List.of());
  }

  /** The patterns this filter was built from, as given. */
  public List<String> globs() {
    return globs;
  }

  @Override
  public boolean test(QualifiedName name) {
    for (Glob glob : compiled) {
      if (glob.matches(name)) {
        return true;
      }
    }
    return false;
  }

  /** The catalog without what this filter ignores. */
  public Catalog apply(Catalog catalog) {
    return catalog.without(this);
  }

  private static Glob compile(String glob) {
    if (glob == null || glob.isBlank()) {
      throw new IllegalArgumentException(
          "an ignore pattern is empty: write schema.name or name, with * and ? as wildcards (e.g. public.audit_*)");
    }
    if (!glob.equals(glob.strip())) {
      throw new IllegalArgumentException(
          "the ignore pattern `" + glob + "` starts or ends with a space: remove it");
    }
    int dot = glob.indexOf('.');
    if (dot == 0 || dot == glob.length() - 1) {
      throw new IllegalArgumentException(
          "the ignore pattern `"
              + glob
              + "` has an empty schema or name: write "
              + "schema.name, *.name or name (e.g. *.tmp_*)");
    }
    return dot < 0
        ? new Glob(null, codePoints(glob))
        : new Glob(codePoints(glob.substring(0, dot)), codePoints(glob.substring(dot + 1)));
  }

  private static int[] codePoints(String glob) {
    return glob.codePoints().toArray();
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof CatalogFilter filter && filter.globs.equals(globs);
  }

  @Override
  public int hashCode() {
    return globs.hashCode();
  }

  @Override
  public String toString() {
    return "CatalogFilter" + globs;
  }
}
