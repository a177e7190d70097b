package io.driftwatch.core.effect;

import java.util.Objects;

/**
 * How the script names an effect's object, as written ({@code "User"}, {@code audit.log}, {@code
 * public."User"}): a finding quotes a migration's names as its author wrote them, the catalog's
 * names ({@link SchemaObject}) being for comparing.
 *
 * @param owner the table (or type) as written: of an index, its table; empty when not kept
 * @param part the column as written; empty when the object has none, or when not kept; of a rename,
 *     the column's old name
 * @param renamedTo of a rename, the new name as written (of the table, column or type); else empty
 */
public record Written(String owner, String part, String renamedTo) {

  /** Nothing kept: a finding then names the object as the catalog does. */
  public static final Written NONE = new Written("", "", "");

  public Written {
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(part, "part");
    Objects.requireNonNull(renamedTo, "renamedTo");
  }

  public static Written owner(String owner) {
    return new Written(owner, "", "");
  }

  /** The same owner, with this part. */
  public Written withPart(String written) {
    return new Written(owner, written, renamedTo);
  }

  /** The same names, renamed to this one. */
  public Written renamedTo(String written) {
    return new Written(owner, part, written);
  }
}
