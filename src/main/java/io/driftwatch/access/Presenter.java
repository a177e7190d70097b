package io.driftwatch.access;

import java.util.Set;

/**
 * Who presented a token the service knows: the bootstrap admin, or the holder of an active issued
 * token. What an identity is made from, for a bearer token or a board sign-in alike.
 *
 * @param tokenId the issued token's id, or {@link #BOOTSTRAP} for the configured admin token
 * @param principal what the change log names: {@code bootstrap-admin} or {@code token:<name>}
 * @param environments the environments the token is limited to; null for every one
 */
public record Presenter(String tokenId, String principal, Role role, Set<String> environments) {

  /** The {@code tokenId} of the bootstrap admin token, which has no id of its own. */
  public static final String BOOTSTRAP = "bootstrap";
}
