package io.driftwatch.core.effect;

import java.util.Objects;

/**
 * How the script names an effect's object, as written ({@code "User"}, {@code audit.log}, {@code
 * public."User"}): a finding quotes a migration's names as its author wrote them, the catalog's
 * names ({@link SchemaObject}) being for comparing.
 *
 * @param owner the table (or type) as written; empty when not kept
 * @param part the column as written; empty when the object has none, or when not kept
 */
public record Written(String owner, String part) {

  /** Nothing kept: a finding then names the object as the catalog does. */
  public static final Written NONE = new Written("", "");

  public Written {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(part, "part");
  }

  public static Written owner(String owner) {
    return new Written(owner, "");
  }

  /** The same owner, with this part. */
  public Written withPart(String written) {
    return new Written(owner, written);
  }
}
