package io.driftwatch.api;

import jakarta.ws.rs.core.SecurityContext;

/** Who made a request, as the change log names them. */
final class Callers {

  private Callers() {}

  static String name(SecurityContext context) {
    return context.getUserPrincipal() == null ? "anonymous" : context.getUserPrincipal().getName();
  }
}
