package io.driftwatch.core.catalog;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The objects an environment ignores, from glob patterns: {@code public.audit_*} (a schema and a name),
 * {@code *.tmp_*}, or {@code tmp_*} (a name in any schema). {@code *} stands for any run of characters, {@code ?}
 * for one; matching is case-sensitive, like quoted identifiers. The schema is what comes before the first dot.
 * Prisma's {@code _prisma_migrations} is always ignored, in every schema.
 */
public final class CatalogFilter implements Predicate<QualifiedName> {

  public static final String PRISMA_MIGRATIONS = "_prisma_migrations";

  private final List<String> globs;
  private final List<Glob> compiled;

  private record Glob(Pattern schema, Pattern name) {

    boolean matches(QualifiedName candidate) {
      return (schema == null || schema.matcher(candidate.schema()).matches())
          && name.matcher(candidate.name()).matches();
    }
  }

  private CatalogFilter(List<String> globs) {
    this.globs = List.copyOf(globs);
    List<Glob> patterns = new ArrayList<>();
    patterns.add(new Glob(null, Pattern.compile(Pattern.quote(PRISMA_MIGRATIONS))));
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
      throw new IllegalArgumentException("the ignore pattern `" + glob + "` starts or ends with a space: remove it");
    }
    int dot = glob.indexOf('.');
    if (dot == 0 || dot == glob.length() - 1) {
      throw new IllegalArgumentException("the ignore pattern `" + glob + "` has an empty schema or name: write "
          + "schema.name, *.name or name (e.g. *.tmp_*)");
    }
    return dot < 0
        ? new Glob(null, regex(glob))
        : new Glob(regex(glob.substring(0, dot)), regex(glob.substring(dot + 1)));
  }

  private static Pattern regex(String glob) {
    StringBuilder regex = new StringBuilder();
    StringBuilder literal = new StringBuilder();
    for (int i = 0; i < glob.length(); i++) {
      char c = glob.charAt(i);
      if (c == '*' || c == '?') {
        if (!literal.isEmpty()) {
          regex.append(Pattern.quote(literal.toString()));
          literal.setLength(0);
        }
        regex.append(c == '*' ? ".*" : ".");
      } else {
        literal.append(c);
      }
    }
    if (!literal.isEmpty()) {
      regex.append(Pattern.quote(literal.toString()));
    }
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
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
