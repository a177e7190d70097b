package io.driftwatch.core.catalog;

import java.util.List;
import java.util.Optional;

/**
 * The DDL a database speaks for the objects of one catalog: what the catch-up and restore
 * migrations, the reverse SQL and the clean baseline write. Each call gives complete statements,
 * each ending with a semicolon. PostgreSQL's is {@link CatalogDdl}; a second database is a second
 * implementation, chosen by the dialect ({@code core.dialect.SqlDialect#ddl}).
 */
public interface SchemaDdl {

  String createSchema(String schema);

  String createExtension(Extension extension);

  String dropExtension(Extension extension);

  /** The statements that turn one version or schema of an extension into the other. */
  List<String> alterExtension(Extension from, Extension to);

  String createRoutine(Routine routine);

  String dropRoutine(Routine routine);

  String createTrigger(Trigger trigger);

  String dropTrigger(Trigger trigger);

  /** The statement that sets when the trigger fires (enabled, disabled, replica, always). */
  String setTriggerFiring(Trigger trigger);

  String createEnum(EnumType type);

  String dropEnum(EnumType type);

  String addEnumValue(EnumType type, String value);

  /** An enum recreated with its values as the catalog has them, its columns cast to it. */
  List<String> recreateEnum(EnumType type);

  String createSequence(Sequence sequence);

  String dropSequence(Sequence sequence);

  /** The statement that gives the sequence the catalog's settings. */
  String alterSequence(Sequence sequence);

  /** The statement that makes a column own the sequence, when one does. */
  Optional<String> sequenceOwnership(Sequence sequence);

  String createTable(Table table);

  /** The table, its constraints and its indexes, as the catalog has them. */
  List<String> reproduceTable(Table table);

  String dropTable(Table table);

  String addColumn(Table table, Column column);

  String dropColumn(Table table, Column column);

  /** The statements that turn one definition of a column into the other. */
  List<String> alterColumn(Table table, Column from, Column to);

  String addConstraint(Table table, Constraint constraint);

  String dropConstraint(Table table, Constraint constraint);

  String createIndex(Table table, Index index);

  String dropIndex(Table table, Index index);

  String createView(View view);

  String dropView(View view);

  /** The whole catalog, in an order a database accepts. */
  String script();
}
