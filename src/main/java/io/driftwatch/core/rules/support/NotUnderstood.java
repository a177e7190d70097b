package io.driftwatch.core.rules.support;

import java.util.List;

/**
 * The sentence a Prisma 8 finding ends with when part of what it read (the marker and ledger, a
 * Prisma 8 migrations folder) was of a shape driftwatch does not understand.
 */
public final class NotUnderstood {

  private NotUnderstood() {}

  /** {@code " Not understood: a; b."}, or nothing when all was understood. */
  public static String sentence(List<String> notUnderstood) {
    return notUnderstood.isEmpty()
        ? ""
        : " Not understood: " + String.join("; ", notUnderstood) + ".";
  }
}
