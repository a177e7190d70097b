package io.driftwatch.access;

import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a caller may do. Roles nest: an operator can do all a viewer can, an admin all an operator
 * can, so an identity carries its role and every role below it.
 */
public enum Role {
  /** Reads environments, audits, findings, reports. */
  VIEWER,
  /** Also runs audits, acknowledges findings, sends test alerts. */
  OPERATOR,
  /**
   * Also manages environments, alert channels, tokens and encryption keys, and reads the change
   * log.
   */
  ADMIN;

  public static final String VIEWER_NAME = "viewer";
  public static final String OPERATOR_NAME = "operator";
  public static final String ADMIN_NAME = "admin";

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** This role's name and the names of the roles it includes. */
  public Set<String> grantedRoleNames() {
    return Arrays.stream(values())
        .filter(role -> role.ordinal() <= ordinal())
        .map(Role::label)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** Reads {@code viewer}, {@code operator} or {@code admin}; null for anything else. */
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
