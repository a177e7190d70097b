package io.driftwatch.access;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A bearer token presented to driftwatch's own token check (OIDC tokens take their own path). */
public final class TokenAuthenticationRequest extends BaseAuthenticationRequest {

  private final String token;

  public TokenAuthenticationRequest(String token) {
    this.token = token;
  }

  public String token() {
    return token;
  }
}
