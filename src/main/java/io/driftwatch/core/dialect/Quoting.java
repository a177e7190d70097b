package io.driftwatch.core.dialect;

/** How a dialect writes a name and a string value into SQL the engine generates. */
public interface Quoting {

  /** An identifier, always quoted, so any name (a keyword, mixed case) reads back unchanged. */
  String identifier(String name);

  /** A string literal holding exactly {@code value}. */
  String literal(String value);
}
