package io.driftwatch.core.catalog;

import java.util.Objects;

/**
 * A function or procedure of the user's ({@code pg_proc}), not one an extension owns.
 *
 * @param name the schema and the routine's name, without its arguments
 * @param arguments its identity arguments as {@code pg_get_function_identity_arguments} writes
 *     them: {@code integer, text}; a routine is known by its name and these, since names can be
 *     overloaded
 * @param procedure whether it is a procedure ({@code CREATE PROCEDURE}) rather than a function
 * @param definition the whole {@code CREATE OR REPLACE} statement as {@code pg_get_functiondef}
 *     writes it with an empty search path, without a trailing semicolon
 */
public record Routine(QualifiedName name, String arguments, boolean procedure, String definition) {

  /**
   * The most of {@code pg_get_functiondef} a catalog keeps: a larger routine is read as unreadable
   * instead.
   */
  public static final int MAX_DEFINITION_BYTES = 1024 * 1024;

  public Routine {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(arguments, "arguments");
    Objects.requireNonNull(definition, "definition");
    definition = definition.strip();
    if (definition.endsWith(";")) {
      definition = definition.substring(0, definition.length() - 1).strip();
    }
  }

  /** The name a diff knows it by, in its schema: {@code touch(integer, text)}. */
  public QualifiedName signature() {
    return QualifiedName.of(name.schema(), name.name() + "(" + arguments + ")");
  }

  /** {@code function} or {@code procedure}. */
  public String kind() {
    return procedure ? "procedure" : "function";
  }
}
