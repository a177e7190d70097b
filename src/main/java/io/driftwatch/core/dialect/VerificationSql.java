package io.driftwatch.core.dialect;

import io.driftwatch.core.catalog.QualifiedName;
import io.driftwatch.core.effect.SchemaObject;
import java.util.List;

/**
 * The read-only queries a person runs after a deploy to check the plan's work, in a dialect's SQL:
 * each one statement, names and values quoted, never a write.
 */
public interface VerificationSql {

  /** How many of these migrations the history table records as applied and not rolled back. */
  String appliedCount(QualifiedName history, List<String> migrations);

  /**
   * The migrations the history table records as failed: started, neither finished nor rolled back.
   */
  String leftFailed(QualifiedName history);

  /** One row when the object exists. */
  String exists(SchemaObject object);

  /** How many of these columns the table has. */
  String columnCount(QualifiedName table, List<String> columns);
}
