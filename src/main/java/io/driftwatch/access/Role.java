package io.driftwatch.access;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a caller may do. Roles nest: an operator can do all a viewer and a checker can, an admin all
 * an operator can, so an identity carries its role and every role it includes. A checker stands
 * apart: it only runs checks and reads them, for a pipeline's token.
 */
public enum Role {
  /** Reads environments, audits, findings, reports. */
  VIEWER,
  /** Runs checks and reads them; nothing else (a CI pipeline's token, usually scoped). */
  CHECKER,
  /** Also runs audits, acknowledges findings, sends test alerts. */
  OPERATOR,
  /**
   * Also manages environments, alert channels, tokens and encryption keys, and reads the change
   * log.
   */
  ADMIN;

  public static final String VIEWER_NAME = "viewer";
  public static final String CHECKER_NAME = "checker";
  public static final String OPERATOR_NAME = "operator";
  public static final String ADMIN_NAME = "admin";

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** This role's name and the names of the roles it includes. */
  public Set<String> grantedRoleNames() {
    return includes().stream().map(Role::label).collect(Collectors.toUnmodifiableSet());
  }

  private Set<Role> includes() {
    return switch (this) {
      case VIEWER -> EnumSet.of(VIEWER);
      case CHECKER -> EnumSet.of(CHECKER);
      case OPERATOR -> EnumSet.of(VIEWER, CHECKER, OPERATOR);
      case ADMIN -> EnumSet.allOf(Role.class);
    };
  }

  /**
   * Reads {@code viewer}, {@code checker}, {@code operator} or {@code admin}; null for anything
   * else.
   */
  public static Role parse(String label) {
    if (label == null) {
      return null;
    }
    for (Role role : values()) {
      if (role.label().equals(label)) {
        return role;
      }
    }
    return null;
  }
}
