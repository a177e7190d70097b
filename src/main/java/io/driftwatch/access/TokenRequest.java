package io.driftwatch.access;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer token presented to driftwatch's own token check (OIDC tokens take their own path). */
public final class TokenRequest extends BaseAuthenticationRequest {

  private final String token;

  public TokenRequest(String token) {
    this.token = token;
  }

  public String token() {
    return token;
  }
}
