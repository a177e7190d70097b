package io.driftwatch.core.catalog;

/** When a trigger fires, as {@code pg_trigger.tgenabled} says and {@code ALTER TABLE} sets it. */
public enum TriggerFiring {
  /**
   * {@code O}: in the default (origin) session replication role; what {@code CREATE TRIGGER} makes.
   */
  ENABLED('O', "ENABLE"),
  /** {@code D}: never. */
  DISABLED('D', "DISABLE"),
  /** {@code R}: only when the session is a replica. */
  REPLICA('R', "ENABLE REPLICA"),
  /** {@code A}: always. */
  ALWAYS('A', "ENABLE ALWAYS");

  private final char code;
  private final String action;

  TriggerFiring(char code, String action) {
    this.code = code;
    this.action = action;
  }

  /** The {@code tgenabled} code's state. */
  public static TriggerFiring fromCode(char code) {
    for (TriggerFiring firing : values()) {
      if (firing.code == code) {
        return firing;
      }
    }
    throw new IllegalArgumentException(
        "unknown trigger state `" + code + "`: expected one of O, D, R, A");
  }

  /** The {@code ALTER TABLE} action that sets it: {@code DISABLE}, {@code ENABLE REPLICA}... */
  public String action() {
    return action;
  }
}
