package io.driftwatch.core.finding;

import io.driftwatch.core.evidence.Evidence;
import java.util.Objects;

/**
 * One problem found by one rule: the fact ({@code message}) and what to do ({@code help}, naming
 * the exact {@code prisma} command or SQL).
 *
 * @param migration the migration it concerns, or null for the environment as a whole
 * @param evidence what version control says about it, or null
 * @param subject the database object or schema item it concerns ({@code public."AuditLog"}), or
 *     null
 * @param line the 1-based line of the migration's script it concerns; 0 when it concerns no one
 *     line
 */
public record Finding(
    FindingType type,
    Severity severity,
    String migration,
    String message,
    String help,
    Evidence evidence,
    String subject,
    int line) {

  public Finding(
      FindingType type,
      Severity severity,
      String migration,
      String message,
      String help,
      Evidence evidence,
      String subject) {
    this(type, severity, migration, message, help, evidence, subject, 0);
  }

  public Finding(
      FindingType type,
      Severity severity,
      String migration,
      String message,
      String help,
      Evidence evidence) {
    this(type, severity, migration, message, help, evidence, null);
  }

  public Finding {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(help, "help");
    if (line < 0) {
      throw new IllegalArgumentException("a line counts from 1: " + line);
    }
  }

  /** The same finding, pointing at a line of its migration's script. */
  public Finding atLine(int scriptLine) {
    return new Finding(type, severity, migration, message, help, evidence, subject, scriptLine);
  }

  public String code() {
    return type.code();
  }

  public String name() {
    return type.name();
  }
}
