package io.driftwatch.core.dialect;

import io.driftwatch.core.effect.ImplicitName;
import java.util.function.Predicate;

/**
 * The name a database gives an object a statement leaves unnamed (an inline primary key, a
 * sequence, an index): each dialect has its own rules and name length.
 */
public interface ObjectNaming {

  /**
   * The name chosen for this object: the dialect's first candidate not {@code taken}.
   *
   * @param checkColumn for a CHECK, the one column of the table its expression uses, else null
   */
  String choose(ImplicitName name, Predicate<String> taken, String checkColumn);
}
