package io.driftwatch.access;

import java.util.UUID;

public class TokenNotFoundException extends RuntimeException {

  public TokenNotFoundException(UUID id) {
    super("no token with id " + id);
  }
}
