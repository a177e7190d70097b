package io.driftwatch.board;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A board session's sealed cookie, presented instead of a bearer token. */
public final class SessionAuthenticationRequest extends BaseAuthenticationRequest {

  private final String sealed;

  public SessionAuthenticationRequest(String sealed) {
    this.sealed = sealed;
  }

  public String sealed() {
    return sealed;
  }
}
