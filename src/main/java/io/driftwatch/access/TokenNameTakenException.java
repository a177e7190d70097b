package io.driftwatch.access;

public class TokenNameTakenException extends RuntimeException {

  public TokenNameTakenException(String name) {
    super(
        "an active token is already named `" + name + "`: revoke it first, or choose another name");
  }
}
