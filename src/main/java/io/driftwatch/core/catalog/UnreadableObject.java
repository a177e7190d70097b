package io.driftwatch.core.catalog;

import java.util.Objects;

/**
 * A catalog object the reader could not model: left out of the catalog (and so of the comparison)
 * and reported instead, so that one odd object does not stop the rest from being read.
 *
 * @param kind what it is: {@code table}, {@code constraint}, {@code function}...
 * @param object the table, view or routine, or the object itself
 * @param member the constraint, index or trigger within the object; null for the object itself
 * @param reason why it was left out, for a person: cut to {@link #MAX_REASON} characters, since it
 *     may quote what the database returned
 */
public record UnreadableObject(String kind, QualifiedName object, String member, String reason) {

  /**
   * The longest reason kept: enough for a value the model did not expect, not a whole definition.
   */
  public static final int MAX_REASON = 500;

  public UnreadableObject {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(reason, "reason");
    reason = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON - 1) + "…" : reason;
  }

  /** {@code public.Booking.Booking_no_overlap}: the object, then the member within it. */
  public String subject() {
    return object + (member == null ? "" : "." + member);
  }
}
