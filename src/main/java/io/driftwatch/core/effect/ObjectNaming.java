package io.driftwatch.core.effect;

import java.util.function.Predicate;

/**
 * The name a database gives an object a statement leaves unnamed (an inline primary key, a
 * sequence, an index): each dialect has its own rules and name length.
 */
public interface ObjectNaming {

  /** PostgreSQL's rules, {@link ImplicitName#postgresName}. */
  ObjectNaming POSTGRES = ImplicitName::postgresName;

  /**
   * The name chosen for this object: the dialect's first candidate not {@code taken}.
   *
   * @param checkColumn for a CHECK, the one column of the table its expression uses, else null
   */
  String choose(ImplicitName name, Predicate<String> taken, String checkColumn);
}
